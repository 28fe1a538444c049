'use client'

// Which doors a resident may open: door groups and single doors, as checkboxes for admins (saved together; the
// devices are then brought in line by the sync worker), as a list for everyone else.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useDevices } from '@/components/data/device-queries'
import { useDeviceGroups } from '@/components/data/device-group-queries'
import { useSetResidentDoors } from '@/components/data/resident-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import type { ResidentDetail } from '@/lib/residents/schema'

type Message = { tone: 'ok' | 'danger'; text: string }

function toggle(ids: string[], id: string, on: boolean) {
  return on ? [...new Set([...ids, id])] : ids.filter((i) => i !== id)
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id))

function DoorsEditor({ resident, onMessage }: { resident: ResidentDetail; onMessage: (m: Message | null) => void }) {
  const t = useTranslations('residents.doors')
  const errorMessage = useErrorMessage()
  const groups = useDeviceGroups()
  const devices = useDevices()
  const save = useSetResidentDoors(resident.id)
  const initial = {
    groupIds: resident.access.groups.map((g) => g.id),
    deviceIds: resident.access.devices.map((d) => d.id),
  }
  const [groupIds, setGroupIds] = useState(initial.groupIds)
  const [deviceIds, setDeviceIds] = useState(initial.deviceIds)
  const dirty = !sameSet(groupIds, initial.groupIds) || !sameSet(deviceIds, initial.deviceIds)

  async function onSave() {
    onMessage(null)
    try {
      await save.mutateAsync({ groupIds, deviceIds })
      onMessage({ tone: 'ok', text: t('saved') })
    } catch (e) {
      onMessage({ tone: 'danger', text: errorMessage(e) })
    }
  }

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('groups')}</legend>
        {groups.status === 'success' && groups.rows.length === 0 && (
          <p className="text-sm text-muted">{t('noGroups')}</p>
        )}
        {groups.rows.map((g) => (
          <label key={g.id} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={groupIds.includes(g.id)}
              onChange={(e) => setGroupIds(toggle(groupIds, g.id, e.target.checked))}
            />
            <span>
              <span className="font-medium">{g.name}</span>
              <span className="block text-xs text-muted">
                {g.devices.map((d) => d.name).join(', ') || t('groupEmpty')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('single')}</legend>
        {devices.status === 'pending' && <p className="text-sm text-muted">{t('loading')}</p>}
        {devices.status === 'error' && (
          <p role="alert" className="text-sm text-danger">
            {devices.error ? errorMessage(devices.error) : t('loadFailed')}
          </p>
        )}
        {devices.rows.map((d) => (
          <label key={d.id} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={deviceIds.includes(d.id)}
              onChange={(e) => setDeviceIds(toggle(deviceIds, d.id, e.target.checked))}
            />
            <span>
              <span className="font-medium">{d.name}</span>
              {d.location && <span className="block text-xs text-muted">{d.location}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <Button onClick={onSave} disabled={!dirty || save.isPending}>
        {t('save')}
      </Button>
    </div>
  )
}

function DoorsList({ resident }: { resident: ResidentDetail }) {
  const t = useTranslations('residents.doors')
  const { groups, devices } = resident.access
  if (groups.length + devices.length === 0) return <p className="text-sm text-muted">{t('none')}</p>
  return (
    <ul className="space-y-1 text-sm">
      {groups.map((g) => (
        <li key={g.id}>
          {g.name} <span className="text-xs text-muted">{t('group')}</span>
        </li>
      ))}
      {devices.map((d) => (
        <li key={d.id}>{d.name}</li>
      ))}
    </ul>
  )
}

export function ResidentDoors({ resident, canManage }: { resident: ResidentDetail; canManage: boolean }) {
  const t = useTranslations('residents.doors')
  const editable = canManage && (resident.status === 'active' || resident.status === 'suspended')
  // Saved grants are the editor's starting point: a new answer (saved here or elsewhere) starts it again.
  const savedKey = JSON.stringify(resident.access)
  const [message, setMessage] = useState<Message | null>(null)
  return (
    <section aria-label={t('title')} className="space-y-3 rounded-xl border border-border bg-panel p-4">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      {editable ? (
        <DoorsEditor key={savedKey} resident={resident} onMessage={setMessage} />
      ) : (
        <DoorsList resident={resident} />
      )}
      {message && (
        <p
          role={message.tone === 'danger' ? 'alert' : 'status'}
          className={`text-sm ${message.tone === 'danger' ? 'text-danger' : 'text-ok'}`}
        >
          {message.text}
        </p>
      )}
    </section>
  )
}
