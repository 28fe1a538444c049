// The console pages, each with the permission that opens it; the navigation, the home page and the page guards
// all derive from this and the grant table (lib/auth/permissions.ts).
import { can, type Permission } from '@/lib/auth/permissions'
import type { Role } from '@/lib/domain/enums'

export type PageKey =
  'console' | 'access' | 'reports' | 'alarms' | 'residents' | 'devices' | 'users' | 'audit' | 'settings'
/** A console page; its navigation label is `nav.<key>` in the message catalogues. */
export type Page = { href: string; permission: Permission }

export const PAGES: Record<PageKey, Page> = {
  console: { href: '/console', permission: 'console.view' },
  access: { href: '/access', permission: 'access.read' },
  reports: { href: '/reports', permission: 'reports.read' },
  alarms: { href: '/alarms', permission: 'alarms.read' },
  residents: { href: '/residents', permission: 'residents.read' },
  devices: { href: '/devices', permission: 'devices.monitor' },
  users: { href: '/users', permission: 'users.manage' },
  audit: { href: '/audit', permission: 'audit.read' },
  settings: { href: '/settings', permission: 'settings.read' },
}

/** Navigation order; a role's home is the first page here it may open. */
export const PAGE_ORDER: PageKey[] = [
  'console',
  'access',
  'reports',
  'alarms',
  'residents',
  'devices',
  'users',
  'audit',
  'settings',
]

export function canOpenPage(role: Role, page: PageKey): boolean {
  return can(role, PAGES[page].permission)
}

export function pagesFor(role: Role): ({ key: PageKey } & Page)[] {
  return PAGE_ORDER.filter((key) => canOpenPage(role, key)).map((key) => ({ key, ...PAGES[key] }))
}

/** Where a signed-in role lands. A role with no page lands on the console, which answers 403 and says why. */
export function homeFor(role: Role): string {
  return pagesFor(role)[0]?.href ?? PAGES.console.href
}
