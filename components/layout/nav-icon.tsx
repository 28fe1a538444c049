import {
  BarChart3,
  Bell,
  DoorOpen,
  History,
  KeyRound,
  MonitorDot,
  ScrollText,
  Settings,
  Users,
  type LucideIcon,
} from 'lucide-react'
import type { PageKey } from '@/lib/auth/page-access'

/** One icon per page: a new page in PAGES fails to compile here until it has one. */
const ICONS: Record<PageKey, LucideIcon> = {
  console: MonitorDot,
  access: History,
  reports: BarChart3,
  alarms: Bell,
  residents: Users,
  devices: DoorOpen,
  users: KeyRound,
  audit: ScrollText,
  settings: Settings,
}

export function NavIcon({ page }: { page: PageKey }) {
  const Icon = ICONS[page]
  return <Icon size={16} aria-hidden />
}
