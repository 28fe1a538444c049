// Creating, renaming and deleting lock members and assigning already-enrolled credential slots to them
// (docs/tuya-devices.md §3.1). Faces and cards of residential locks are enrolled on the lock itself; the cloud only
// maps slots. Every write needs the lock online (2001 otherwise), like the other device writes.
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  readJsonObject,
  requireDevice,
  requireOnline,
  requireString,
} from '@/simulator/openapi/api-types'
import { randomHex } from '@/simulator/state/ids'
import type { SimDevice, SimLockMember } from '@/simulator/state/sim-state'

const SLOT_BY_CODE: Record<string, keyof SimLockMember> = {
  unlock_face: 'faceSlot',
  unlock_card: 'cardSlot',
  unlock_password: 'passwordSlot',
  unlock_fingerprint: 'fingerprintSlot',
}

function requireOnlineLock(deps: OpenApiDeps, deviceId: string): SimDevice {
  const device = requireDevice(deps, deviceId)
  if (device.def.model !== 'lock') throw new SimApiError(2009)
  requireOnline(device)
  return device
}

/** Removes members by id; any unknown id fails the whole call and removes nothing. */
function deleteMembers(device: SimDevice, userIds: string[]): true {
  if (userIds.length === 0) throw new SimApiError(1100, 'param is empty: user_ids')
  if (userIds.some((id) => !device.members.some((m) => m.lockUserId === id))) throw new SimApiError(1000)
  device.members = device.members.filter((m) => !userIds.includes(m.lockUserId))
  return true
}

export function registerLockMemberRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  router.on('POST', '/v1.0/devices/{deviceId}/user', {
    perSecond: LIMITS.write,
    handler: (call) => {
      const device = requireOnlineLock(deps, call.params.deviceId)
      const nickName = requireString(readJsonObject(call), 'nick_name')
      const member: SimLockMember = {
        residentId: '',
        lockUserId: `00000${randomHex(3)}`,
        lockUserNo: device.members.reduce((max, m) => Math.max(max, m.lockUserNo), 0) + 1,
        nickName,
      }
      device.members.push(member)
      return { user_id: member.lockUserId }
    },
  })
  router.on('PUT', '/v1.0/devices/{deviceId}/users/{userId}', {
    perSecond: LIMITS.write,
    handler: (call) => {
      const device = requireOnlineLock(deps, call.params.deviceId)
      const member = device.members.find((m) => m.lockUserId === call.params.userId)
      if (!member) throw new SimApiError(1000)
      member.nickName = requireString(readJsonObject(call), 'nick_name')
      return true
    },
  })
  router.on('POST', '/v1.0/devices/{deviceId}/door-lock/opmodes/actions/allocate', {
    perSecond: LIMITS.write,
    handler: (call) => {
      const device = requireOnlineLock(deps, call.params.deviceId)
      const body = readJsonObject(call)
      const member = device.members.find((m) => m.lockUserId === requireString(body, 'user_id'))
      if (!member) throw new SimApiError(1000)
      const list = Array.isArray(body.unlock_list)
        ? (body.unlock_list as { dp_code?: unknown; unlock_sn?: unknown }[])
        : []
      if (list.length === 0) throw new SimApiError(1100, 'param is empty: unlock_list')
      for (const entry of list) {
        const key = typeof entry.dp_code === 'string' ? SLOT_BY_CODE[entry.dp_code] : undefined
        if (!key || typeof entry.unlock_sn !== 'number') throw new SimApiError(1109)
        Object.assign(member, { [key]: entry.unlock_sn })
      }
      return true
    },
  })
  router.on('POST', '/v1.0/smart-lock/devices/{deviceId}/users/{userIds}/actions/delete-users-issue', {
    perSecond: LIMITS.write,
    handler: ({ params }) =>
      deleteMembers(
        requireOnlineLock(deps, params.deviceId),
        params.userIds
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
  })
  router.on('DELETE', '/v1.0/devices/{deviceId}/users/{userId}', {
    perSecond: LIMITS.write,
    handler: ({ params }) => deleteMembers(requireOnlineLock(deps, params.deviceId), [params.userId]),
  })
}
