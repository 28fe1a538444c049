import type { Metadata } from 'next'
import { AlarmList } from '@/components/alarms/alarm-list'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Alarms' }

export default async function AlarmsPage() {
  const actor = await requirePage('alarms')
  return (
    <>
      <PageHeader title="Alarms" description="Tamper, loitering, repeated failures, duress and device faults." />
      <AlarmList canAct={can(actor.role, 'alarms.handle')} />
    </>
  )
}
