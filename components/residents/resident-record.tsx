'use client'

// A resident's record on their page: read, or (admins) edited. An edit is based on the version shown when
// "Edit" was pressed; if someone else saved since, the server refuses it and the editor shows the record as it is
// now, with "Reload" to start again from it. Nothing the admin typed is overwritten silently.
import { useState, type FormEvent } from 'react'
import { ResidentConflict, useUpdateResident } from '@/components/data/resident-queries'
import { changedFields, draftOf, ResidentFields, type ResidentDraft } from '@/components/residents/resident-fields'
import { dayOf, KIND_LABELS, STATUS_LABELS, unitLabelOf } from '@/components/residents/resident-labels'
import { Button } from '@/components/ui/button'
import { formatTime } from '@/components/ui/format-time'
import type { ResidentDetail, ResidentItem } from '@/lib/residents/schema'

function validity(item: ResidentItem) {
  if (!item.validFrom && !item.validUntil) return 'Always'
  return `${dayOf(item.validFrom) || '…'} → ${dayOf(item.validUntil) || '…'}`
}

function RecordFields({ item, testId }: { item: ResidentItem; testId?: string }) {
  const rows: [string, string][] = [
    ['Name', item.name],
    ['Unit', unitLabelOf(item)],
    ['Kind', KIND_LABELS[item.kind]],
    ['Status', STATUS_LABELS[item.status]],
    ['Phone', item.phone ?? '—'],
    ['Email', item.email ?? '—'],
    ['Valid', validity(item)],
    ['Notes', item.notes ?? '—'],
  ]
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="whitespace-pre-wrap break-words">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

type Editing = { base: ResidentDetail; draft: ResidentDraft }

export function ResidentRecord({ resident, canWrite }: { resident: ResidentDetail; canWrite: boolean }) {
  const update = useUpdateResident(resident.id)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [conflict, setConflict] = useState<ResidentDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const editable = canWrite && (resident.status === 'active' || resident.status === 'suspended')

  const start = (base: ResidentDetail) => {
    setEditing({ base, draft: draftOf(base) })
    setConflict(null)
    setError(null)
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!editing) return
    const changes = changedFields(draftOf(editing.base), editing.draft)
    if (Object.keys(changes).length === 0) return setEditing(null)
    setError(null)
    try {
      await update.mutateAsync({ version: editing.base.version, ...changes })
      setEditing(null)
    } catch (e) {
      if (e instanceof ResidentConflict) setConflict(e.current)
      else setError((e as Error).message)
    }
  }

  return (
    <section aria-label="Record" className="space-y-4 rounded-xl border border-border bg-panel p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Record</h2>
        {editable && !editing && (
          <Button variant="secondary" onClick={() => start(resident)}>
            Edit
          </Button>
        )}
      </div>
      {!editing && <RecordFields item={resident} />}
      {editing && (
        <form onSubmit={save} aria-label="Edit resident" className="space-y-4">
          {conflict ? (
            <div role="alert" className="space-y-3 rounded-lg border border-danger/50 p-3">
              <p className="text-sm font-medium text-danger">
                Not saved: someone else changed this resident while you were editing (now version {conflict.version},
                you started from version {editing.base.version}). This is the record as it is now:
              </p>
              <RecordFields item={conflict} testId="conflict-current" />
              <p className="text-sm text-muted">Reload it, then apply your change again.</p>
              <Button type="button" onClick={() => start(conflict)}>
                Reload
              </Button>
            </div>
          ) : (
            resident.version !== editing.base.version && (
              <p role="status" className="text-sm text-warn">
                Someone else saved this resident since you started editing; saving will show you what changed.
              </p>
            )
          )}
          <ResidentFields
            draft={editing.draft}
            onChange={(draft) => setEditing({ ...editing, draft })}
            fallbackUnit={unitLabelOf(editing.base)}
          />
          {error && (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={update.isPending || conflict !== null}>
              Save
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <p className="text-xs text-muted">
        Tuya person id <span className="font-mono">{resident.externalId}</span> · version {resident.version} · created{' '}
        {formatTime(resident.createdAt)} · updated {formatTime(resident.updatedAt)}
      </p>
    </section>
  )
}
