// Who may open each console page; the navigation and the page guards both read this table.
import type { Role } from '@/lib/domain/enums'

export type PageKey = 'console' | 'access' | 'alarms' | 'residents' | 'devices' | 'users' | 'audit'

export const PAGES: Record<PageKey, { href: string; label: string; roles: readonly Role[] }> = {
  console: { href: '/console', label: 'Console', roles: ['guard', 'admin'] },
  access: { href: '/access', label: 'Access log', roles: ['guard', 'manager', 'admin'] },
  alarms: { href: '/alarms', label: 'Alarms', roles: ['guard', 'manager', 'admin'] },
  residents: { href: '/residents', label: 'Residents', roles: ['guard', 'manager', 'admin'] },
  devices: { href: '/devices', label: 'Devices', roles: ['guard', 'admin'] },
  users: { href: '/users', label: 'Users & tokens', roles: ['admin'] },
  audit: { href: '/audit', label: 'Audit', roles: ['manager', 'admin'] },
}

export const PAGE_ORDER: PageKey[] = ['console', 'access', 'alarms', 'residents', 'devices', 'users', 'audit']

export function pagesFor(role: Role) {
  return PAGE_ORDER.filter((key) => PAGES[key].roles.includes(role)).map((key) => ({ key, ...PAGES[key] }))
}

export function homeFor(role: Role): string {
  return role === 'manager' ? PAGES.access.href : PAGES.console.href
}
