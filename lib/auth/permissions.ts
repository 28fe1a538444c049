// What each role may do, as data. Routes, pages, the navigation and the live stream all ask this table, so
// adding a role is its name in ROLES plus one grant line below, and moving a permission is one edit here.
import { ROLES, type Role } from '@/lib/domain/enums'

/** Every permission the product checks, and what it allows. */
export const PERMISSIONS = {
  'me.read': 'See who you are signed in as and how',
  'snapshots.read': 'Load stored snapshot images',
  'console.view': 'Open the live console (calls, feed, open alarms)',
  'access.read': 'Read the access history and receive its live events',
  'history.export': 'Export the access history as CSV',
  'reports.read': 'Read the access report series behind the charts',
  'calls.read': 'Read door calls and receive their live events',
  'calls.answer': 'Answer or decline a door call',
  'alarms.read': 'Read alarms and receive their live events',
  'alarms.handle': 'Acknowledge, assign, comment on and resolve alarms',
  'devices.read': 'List the devices (e.g. to filter history by door) and receive their live events',
  'devices.monitor': 'Open the Devices page: every door with its status and controls',
  'doors.open': 'Unlock a door remotely',
  'diagnostics.read': 'Read inbound messages the product could not understand',
  'residents.read': 'Read residents',
  'residents.write': 'Create, edit and erase residents',
  'credentials.manage': "Manage residents' faces, cards, PINs and which doors they may open",
  'sync.read': 'Read how far each resident has reached every device, and receive its live events',
  'sync.retry': 'Retry a failed device sync',
  'units.read': 'Read units',
  'units.write': 'Create and edit units',
  'users.manage': 'List, create, re-role and disable users',
  'tokens.manage': 'Create, list and revoke API tokens',
  'audit.read': 'Read the audit trail',
  'audit.export': 'Export the audit trail as CSV',
  'settings.read': 'Read the building and retention settings',
  'settings.write': 'Change the building and retention settings',
} as const

export type Permission = keyof typeof PERMISSIONS
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[]

/** The grant table: one line per role (the type makes a missing role a compile error). */
export const GRANTS: Record<Role, readonly Permission[]> = {
  guard: [
    'me.read',
    'snapshots.read',
    'console.view',
    'access.read',
    'calls.read',
    'calls.answer',
    'alarms.read',
    'alarms.handle',
    'devices.read',
    'devices.monitor',
    'doors.open',
    'residents.read',
    'units.read',
  ],
  manager: [
    'me.read',
    'snapshots.read',
    'access.read',
    'history.export',
    'reports.read',
    'alarms.read',
    'devices.read',
    'residents.read',
    'units.read',
    'audit.read',
    'audit.export',
    'settings.read',
  ],
  /** Admins run the building: every permission, including ones added later. */
  admin: PERMISSION_NAMES,
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission)
}

/** The roles holding a permission, in ROLES order. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission))
}
