// Live event audiences derive from the grant table: each event names a permission, and it is the same one that
// guards the REST list of the items it carries, so the live stream and the REST API agree on who sees what.
import { describe, expect, it } from 'vitest'
import { can, type Permission } from '@/lib/auth/permissions'
import { ROLES } from '@/lib/domain/enums'
import { ROUTES } from '@/lib/http/fixtures/route-matrix'
import { audienceOf, EVENT_PERMISSION, LIVE_EVENT_NAMES, mayReceive, type LiveEventName } from '@/lib/realtime/events'

/** The REST list each event's item also appears in. */
const REST_LIST: Record<LiveEventName, string> = {
  'access.created': 'app/api/access-events/route.ts',
  'access.updated': 'app/api/access-events/route.ts',
  'call.updated': 'app/api/calls/route.ts',
  'alarm.created': 'app/api/alarms/route.ts',
  'alarm.updated': 'app/api/alarms/route.ts',
  'device.updated': 'app/api/devices/route.ts',
  // Sync counts and states are for admins (sync.read), so a resident's changes reach them with their sync list.
  'resident.updated': 'app/api/residents/[id]/sync/route.ts',
  'sync.updated': 'app/api/residents/[id]/sync/route.ts',
}

describe('live event audiences', () => {
  it.each(LIVE_EVENT_NAMES)('sends %s to whoever may read its REST list', (event) => {
    const listPermission: Permission | undefined = ROUTES[REST_LIST[event]]?.GET?.permission
    expect(EVENT_PERMISSION[event]).toBe(listPermission)
    expect(audienceOf(event)).toEqual(ROLES.filter((role) => can(role, EVENT_PERMISSION[event])))
    for (const role of ROLES) expect(mayReceive(role, event), role).toBe(audienceOf(event).includes(role))
  })

  it('sends calls to guards and admins only', () => {
    expect(audienceOf('call.updated')).toEqual(['guard', 'admin'])
  })

  it('sends access, alarm and device events to managers too', () => {
    for (const event of [
      'access.created',
      'access.updated',
      'alarm.created',
      'alarm.updated',
      'device.updated',
    ] as const)
      expect(mayReceive('manager', event), event).toBe(true)
  })
})
