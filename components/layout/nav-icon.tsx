import { Bell, DoorOpen, History, KeyRound, MonitorDot, ScrollText, Users } from 'lucide-react'

const ICONS = {
  console: MonitorDot,
  access: History,
  alarms: Bell,
  residents: Users,
  devices: DoorOpen,
  users: KeyRound,
  audit: ScrollText,
} as const

export function NavIcon({ page }: { page: string }) {
  const Icon = ICONS[page as keyof typeof ICONS] ?? MonitorDot
  return <Icon size={16} aria-hidden />
}
