// Page access derives from the grant table: each page names its permission, the navigation lists the pages a
// role may open, and the home page is the first of them.
import { describe, expect, it } from 'vitest'
import { canOpenPage, homeFor, PAGE_ORDER, PAGES, pagesFor, type PageKey } from '@/lib/auth/page-access'
import { can, PERMISSIONS } from '@/lib/auth/permissions'
import { ROLES, type Role } from '@/lib/domain/enums'
import en from '@/messages/en.json'

const NAVIGATION: Record<Role, string[]> = {
  guard: ['Console', 'Access log', 'Alarms', 'Residents', 'Devices'],
  manager: ['Access log', 'Reports', 'Alarms', 'Residents', 'Audit', 'Settings'],
  admin: ['Console', 'Access log', 'Reports', 'Alarms', 'Residents', 'Devices', 'Users & tokens', 'Audit', 'Settings'],
}
const HOME: Record<Role, string> = { guard: '/console', manager: '/access', admin: '/console' }

describe('page access', () => {
  it.each(ROLES)('shows a %s exactly their navigation, in order, and their home', (role) => {
    expect(pagesFor(role).map((page) => en.nav[page.key])).toEqual(NAVIGATION[role])
    expect(homeFor(role)).toBe(HOME[role])
  })

  it('opens a page exactly for the roles holding its permission', () => {
    for (const key of Object.keys(PAGES) as PageKey[]) {
      expect(PERMISSIONS, key).toHaveProperty([PAGES[key].permission])
      for (const role of ROLES) expect(canOpenPage(role, key), `${role} ${key}`).toBe(can(role, PAGES[key].permission))
    }
  })

  it('keeps the Devices page from managers even though they may list devices', () => {
    expect(can('manager', 'devices.read')).toBe(true)
    expect(canOpenPage('manager', 'devices')).toBe(false)
  })

  it('lists every page once in the navigation order', () => {
    expect([...PAGE_ORDER].sort()).toEqual((Object.keys(PAGES) as PageKey[]).sort())
  })
})
