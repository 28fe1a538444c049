import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AlarmList } from '@/components/alarms/alarm-list'
import { EscalationSettingsPanel } from '@/components/alarms/escalation-settings'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alarmList'))('pageTitle') }
}

export default async function AlarmsPage() {
  const actor = await requirePage('alarms')
  const t = await getTranslations('alarmList')
  return (
    <div className="space-y-6">
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      {can(actor.role, 'settings.read') && <EscalationSettingsPanel canWrite={can(actor.role, 'settings.write')} />}
      <AlarmList canAct={can(actor.role, 'alarms.handle')} />
    </div>
  )
}
