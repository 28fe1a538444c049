import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeviceDetailView } from '@/components/devices/device-detail'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('devicePage'))('metaTitle') }
}

export default async function DevicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('devices')
  const { id } = await params
  return <DeviceDetailView deviceId={id} canOpenDoor={can(actor.role, 'doors.open')} />
}
