// The grant table: `can` and `rolesWith` read it, every role has a line, and the table is pinned to the
// documented role matrix (README "REST" table, plus the matrix planned for residents, reports, settings and audit
// export), so a permission moved by accident fails here before it changes who may do what.
import { describe, expect, it } from 'vitest'
import { can, GRANTS, PERMISSION_NAMES, PERMISSIONS, rolesWith, type Permission } from '@/lib/auth/permissions'
import { ROLES, type Role } from '@/lib/domain/enums'

const EVERYONE: Role[] = ['guard', 'manager', 'admin']
const OPERATORS: Role[] = ['guard', 'admin']
const OFFICE: Role[] = ['manager', 'admin']
const ADMIN: Role[] = ['admin']

/** Who holds each permission, as documented. */
const DOCUMENTED: Record<Permission, Role[]> = {
  'me.read': EVERYONE,
  'snapshots.read': EVERYONE,
  'console.view': OPERATORS,
  'access.read': EVERYONE,
  'history.export': OFFICE,
  'reports.read': OFFICE,
  'calls.read': OPERATORS,
  'calls.answer': OPERATORS,
  'alarms.read': EVERYONE,
  'alarms.handle': OPERATORS,
  // Managers list devices to filter the history by door, but do not get the Devices page or open doors.
  'devices.read': EVERYONE,
  'devices.monitor': OPERATORS,
  'doors.open': OPERATORS,
  'diagnostics.read': ADMIN,
  'residents.read': EVERYONE,
  'residents.write': ADMIN,
  'credentials.manage': ADMIN,
  'sync.read': ADMIN,
  'sync.retry': ADMIN,
  'units.read': EVERYONE,
  'units.write': ADMIN,
  'users.manage': ADMIN,
  'tokens.manage': ADMIN,
  'audit.read': OFFICE,
  'audit.export': OFFICE,
  'settings.read': OFFICE,
  'settings.write': ADMIN,
}

const sorted = (roles: readonly Role[]) => [...roles].sort()

describe('the grant table', () => {
  it.each(PERMISSION_NAMES)('grants %s to exactly the documented roles', (permission) => {
    expect(sorted(rolesWith(permission))).toEqual(sorted(DOCUMENTED[permission]))
  })

  it('has one grant line per role in ROLES, and no other', () => {
    expect(sorted(Object.keys(GRANTS) as Role[])).toEqual(sorted(ROLES))
  })

  it('grants only named permissions, each at most once per role', () => {
    for (const role of ROLES) {
      for (const permission of GRANTS[role]) expect(PERMISSIONS, `${role}: ${permission}`).toHaveProperty([permission])
      expect(new Set(GRANTS[role]).size, role).toBe(GRANTS[role].length)
    }
  })

  it('gives admins every permission', () => {
    for (const permission of PERMISSION_NAMES) expect(can('admin', permission), permission).toBe(true)
  })
})

describe('can and rolesWith', () => {
  it('answers per role and permission', () => {
    expect(can('guard', 'doors.open')).toBe(true)
    expect(can('manager', 'doors.open')).toBe(false)
    expect(can('manager', 'history.export')).toBe(true)
    expect(can('guard', 'history.export')).toBe(false)
    expect(can('guard', 'users.manage')).toBe(false)
  })

  it('lists the roles holding a permission in ROLES order, agreeing with can', () => {
    expect(rolesWith('calls.answer')).toEqual(['guard', 'admin'])
    expect(rolesWith('audit.read')).toEqual(['admin', 'manager'])
    expect(rolesWith('me.read')).toEqual([...ROLES])
    for (const permission of PERMISSION_NAMES)
      expect(rolesWith(permission)).toEqual(ROLES.filter((role) => can(role, permission)))
  })
})
