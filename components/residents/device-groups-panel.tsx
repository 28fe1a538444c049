'use client'

// Door groups ("Block A", "All lobbies"): a resident granted a group may open each of its doors. Admins create,
// edit and delete groups here; a change reaches every resident granted the group. Edits are based on the version
// shown: a stale one is refused and the group is shown as it is now.
import { DoorOpen } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { ApiError } from '@/components/data/api-client'
import { useDevices } from '@/components/data/device-queries'
import {
  useCreateDeviceGroup,
  useDeleteDeviceGroup,
  useDeviceGroups,
  useUpdateDeviceGroup,
} from '@/components/data/device-group-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'
import { TextField } from '@/components/ui/text-field'
import type { DeviceGroupItem } from '@/lib/device-groups/schema'

type GroupDraft = { name: string; description: string; deviceIds: string[] }

function GroupForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  initial: GroupDraft
  submitLabel: string
  pending: boolean
  onSubmit: (draft: GroupDraft) => Promise<unknown>
  onCancel?: () => void
}) {
  const t = useTranslations('groups')
  const devices = useDevices()
  const [draft, setDraft] = useState(initial)
  async function submit(event: FormEvent) {
    event.preventDefault()
    await onSubmit(draft)
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={submitLabel}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('name')}
          value={draft.name}
          required
          maxLength={80}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <TextField
          label={t('description')}
          value={draft.description}
          maxLength={300}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
      </div>
      <fieldset className="grid gap-1 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t('doors')}</legend>
        {devices.rows.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.deviceIds.includes(d.id)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  deviceIds: e.target.checked
                    ? [...draft.deviceIds, d.id]
                    : draft.deviceIds.filter((id) => id !== d.id),
                })
              }
            />
            {d.name}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  )
}

const draftOf = (g: DeviceGroupItem): GroupDraft => ({
  name: g.name,
  description: g.description ?? '',
  deviceIds: g.devices.map((d) => d.id),
})

function GroupCard({ group, canWrite }: { group: DeviceGroupItem; canWrite: boolean }) {
  const t = useTranslations('groups')
  const errorMessage = useErrorMessage()
  const update = useUpdateDeviceGroup()
  const remove = useDeleteDeviceGroup()
  const [editing, setEditing] = useState<DeviceGroupItem | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function save(base: DeviceGroupItem, draft: GroupDraft) {
    setError(null)
    try {
      await update.mutateAsync({ groupId: base.id, change: { version: base.version, ...draft } })
      setEditing(null)
    } catch (e) {
      // A stale edit: the list is refetched, so the card shows the group as it is now.
      const stale = e instanceof ApiError && e.code === 'version_conflict'
      setError(stale ? t('stale') : errorMessage(e))
      if (stale) setEditing(null)
    }
  }

  return (
    <li className="space-y-2 rounded-xl border border-border bg-panel p-4" aria-label={group.name}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{group.name}</h3>
          {group.description && <p className="text-sm text-muted">{group.description}</p>}
        </div>
        {canWrite && !editing && (
          <span className="flex gap-2">
            <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(group)}>
              {t('edit')}
            </Button>
            <ConfirmButton
              label={t('delete')}
              question={t('deleteQuestion', {
                name: group.name,
                residents: group.residents,
                doors: group.devices.length,
              })}
              confirmLabel={t('deleteConfirm')}
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutate(
                  { groupId: group.id, version: group.version },
                  { onError: (e) => setError(errorMessage(e)) },
                )
              }
            />
          </span>
        )}
      </div>
      {editing ? (
        <GroupForm
          initial={draftOf(editing)}
          submitLabel={t('save')}
          pending={update.isPending}
          onSubmit={(draft) => save(editing, draft)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p className="text-sm">
          {group.devices.map((d) => d.name).join(', ') || <span className="text-muted">{t('noDoors')}</span>}
          <span className="text-muted"> · {t('residents', { count: group.residents })}</span>
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </li>
  )
}

function NewGroup() {
  const t = useTranslations('groups')
  const errorMessage = useErrorMessage()
  const create = useCreateDeviceGroup()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!open) return <Button onClick={() => setOpen(true)}>{t('new')}</Button>
  return (
    <section aria-label={t('new')} className="space-y-3 rounded-xl border border-border bg-panel p-4">
      <h2 className="text-lg font-semibold">{t('new')}</h2>
      <GroupForm
        initial={{ name: '', description: '', deviceIds: [] }}
        submitLabel={t('create')}
        pending={create.isPending}
        onSubmit={async (draft) => {
          setError(null)
          try {
            await create.mutateAsync(draft)
            setOpen(false)
          } catch (e) {
            setError(errorMessage(e))
          }
        }}
        onCancel={() => setOpen(false)}
      />
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  )
}

export function DeviceGroupsPanel({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('groups')
  const groups = useDeviceGroups()
  return (
    <div className="space-y-6">
      {canWrite && <NewGroup />}
      <ListPage
        source={groups}
        empty={
          <EmptyState title={t('emptyTitle')} icon={<DoorOpen />}>
            {t('emptyBody')}
          </EmptyState>
        }
      >
        {(rows) => (
          <ul className="grid gap-4 lg:grid-cols-2" data-testid="group-list">
            {rows.map((g) => (
              <GroupCard key={g.id} group={g} canWrite={canWrite} />
            ))}
          </ul>
        )}
      </ListPage>
    </div>
  )
}
