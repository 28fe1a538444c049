import type { Metadata } from 'next'
import { AlarmList } from '@/components/alarms/alarm-list'
import { EscalationSettingsPanel } from '@/components/alarms/escalation-settings'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Alarms' }

export default async function AlarmsPage() {
  const actor = await requirePage('alarms')
  return (
    <div className="space-y-6">
      <PageHeader title="Alarms" description="Tamper, loitering, repeated failures, duress and device faults." />
      {can(actor.role, 'settings.read') && <EscalationSettingsPanel canWrite={can(actor.role, 'settings.write')} />}
      <AlarmList canAct={can(actor.role, 'alarms.handle')} />
    </div>
  )
}
