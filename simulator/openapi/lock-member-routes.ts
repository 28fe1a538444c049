// Creating lock members and assigning already-enrolled credential slots to them (docs/tuya-devices.md
// §3.1). Faces and cards of residential locks are enrolled on the lock itself; the cloud only maps slots.
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  readJsonObject,
  requireDevice,
  requireString,
} from '@/simulator/openapi/api-types'
import { randomHex } from '@/simulator/state/ids'
import type { SimLockMember } from '@/simulator/state/sim-state'

const SLOT_BY_CODE: Record<string, keyof SimLockMember> = {
  unlock_face: 'faceSlot',
  unlock_card: 'cardSlot',
  unlock_password: 'passwordSlot',
  unlock_fingerprint: 'fingerprintSlot',
}

export function registerLockMemberRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  router.on('POST', '/v1.0/devices/{deviceId}/user', {
    perSecond: LIMITS.write,
    handler: (call) => {
      const device = requireDevice(deps, call.params.deviceId)
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
  router.on('POST', '/v1.0/devices/{deviceId}/door-lock/opmodes/actions/allocate', {
    perSecond: LIMITS.write,
    handler: (call) => {
      const device = requireDevice(deps, call.params.deviceId)
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
}
