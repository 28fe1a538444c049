// Remote unlock and lock credentials (docs/tuya-devices.md §3.1, §3.2, §4.1, §4.2): password ticket →
// password-free door-operate; members; temporary passwords encrypted with the ticket key, with their
// effective/invalid time (the lock opens for one only inside it). Writes to an offline lock answer 2001.
import { decryptTicketPassword } from '@/lib/tuya/openapi/ticket-crypto'
import { emitRemoteUnlock } from '@/simulator/devices/trigger-device'
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiCall,
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  paginate,
  readInt,
  readJsonObject,
  readList,
  requireDevice,
  requireOnline,
  requireString,
} from '@/simulator/openapi/api-types'
import type { SimDevice } from '@/simulator/state/sim-state'

function consumeTicket(deps: OpenApiDeps, device: SimDevice, ticketId: string): string {
  const outcome = deps.tickets.consume(ticketId, device.def.id)
  if (!outcome.ok) throw new SimApiError(1109, `param is illegal, please check it: ${outcome.reason}`)
  return outcome.key16
}

function operateDoor(deps: OpenApiDeps, call: ApiCall, open: boolean): boolean {
  const device = requireDevice(deps, call.params.deviceId)
  const body = readJsonObject(call)
  const ticketId = requireString(body, 'ticket_id')
  requireOnline(device)
  consumeTicket(deps, device, ticketId)
  const now = deps.ctx.clock.now()
  const message = open ? emitRemoteUnlock(deps.ctx, device) : undefined
  device.unlockCommands.push({
    at: now,
    via: 'password-free-door-operate',
    open,
    ticketId,
    messageId: message?.messageId,
  })
  return true
}

/** `effective_time` / `invalid_time` are 10-digit seconds (§3.2); milliseconds are refused, not misread. */
function readSeconds(body: Record<string, unknown>, name: string): number {
  const value = body[name]
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new SimApiError(1100, `param is empty: ${name}`)
  if (value < 0 || value > 9_999_999_999)
    throw new SimApiError(1109, `param is illegal, please check it: ${name} must be 10-digit seconds`)
  return value
}

function createTempPassword(deps: OpenApiDeps, call: ApiCall) {
  const device = requireDevice(deps, call.params.deviceId)
  const body = readJsonObject(call)
  const effectiveTime = readSeconds(body, 'effective_time')
  const invalidTime = readSeconds(body, 'invalid_time')
  if (invalidTime <= effectiveTime)
    throw new SimApiError(1109, 'param is illegal, please check it: invalid_time is not after effective_time')
  requireOnline(device)
  const key16 = consumeTicket(deps, device, requireString(body, 'ticket_id'))
  let password: string
  try {
    password = decryptTicketPassword(requireString(body, 'password'), key16)
  } catch {
    throw new SimApiError(2018)
  }
  if (!/^\d{6,10}$/.test(password)) throw new SimApiError(1109)
  const id = 100_000 + device.tempPasswords.length + 1
  device.tempPasswords.push({
    id,
    name: typeof body.name === 'string' ? body.name : '',
    password,
    effectiveTime,
    invalidTime,
    type: body.type === 1 ? 1 : 0,
    slot: (device.tempPasswords.length % 999) + 1,
    createdAt: deps.ctx.clock.now(),
    revoked: false,
  })
  return { id }
}

function describeMembers(deps: OpenApiDeps, device: SimDevice, codes: string[]) {
  return device.members.map((m) => {
    const slots: [string, number | undefined, string][] = [
      ['unlock_face', m.faceSlot, 'Face'],
      ['unlock_card', m.cardSlot, 'Card'],
      ['unlock_password', m.passwordSlot, 'Password'],
      ['unlock_fingerprint', m.fingerprintSlot, 'Fingerprint'],
    ]
    const detail = slots
      .filter(([code, sn]) => sn !== undefined && (codes.length === 0 || codes.includes(code)))
      .map(([code, sn, label]) => ({
        dp_code: code,
        count: 1,
        unlock_list: [
          { unlock_id: `${m.lockUserNo}${sn}`, unlock_sn: sn, unlock_name: `${label} ${sn}`, unlock_attr: 0 },
        ],
      }))
    if (m.duressPasswordSlot !== undefined && (codes.length === 0 || codes.includes('unlock_password'))) {
      const sn = m.duressPasswordSlot
      detail.push({
        dp_code: 'unlock_password',
        count: 1,
        unlock_list: [
          { unlock_id: `${m.lockUserNo}${sn}`, unlock_sn: sn, unlock_name: `Password ${sn}`, unlock_attr: 1 },
        ],
      })
    }
    const resident = deps.ctx.state.residents.get(m.residentId)
    return {
      user_id: m.lockUserId,
      uid: deps.ctx.state.building.ownerUid,
      nick_name: m.nickName ?? resident?.name ?? m.lockUserId,
      avatar_url: '',
      user_contact: resident?.phone ?? '',
      user_type: 20,
      lock_user_id: m.lockUserNo,
      back_home_notify_attr: 0,
      effective_flag: 1,
      time_schedule_info: { permanent: true },
      unlock_detail: detail,
    }
  })
}

export function registerLockRemoteRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  const ticket = {
    perSecond: LIMITS.write,
    handler: ({ params }: ApiCall) => deps.tickets.create(requireDevice(deps, params.deviceId).def.id),
  }
  router.on('POST', '/v1.0/devices/{deviceId}/door-lock/password-ticket', ticket)
  router.on('POST', '/v1.0/smart-lock/devices/{deviceId}/password-ticket', ticket)
  router.on('POST', '/v1.0/smart-lock/devices/{deviceId}/password-free/door-operate', {
    perSecond: LIMITS.command,
    handler: (call) => operateDoor(deps, call, readJsonObject(call).open !== false),
  })
  for (const path of [
    '/v1.0/devices/{deviceId}/door-lock/password-free/open-door',
    '/v1.1/devices/{deviceId}/door-lock/password-free/open-door',
  ]) {
    router.on('POST', path, { perSecond: LIMITS.command, handler: (call) => operateDoor(deps, call, true) })
  }
  router.on('GET', '/v1.0/devices/{deviceId}/door-lock/remote-unlocks', {
    perSecond: LIMITS.read,
    handler: ({ params }) => {
      requireDevice(deps, params.deviceId)
      return [
        { remote_unlock_type: 'remoteUnlockWithoutPwd', open: true },
        { remote_unlock_type: 'remoteUnlockWithPwd', open: false },
      ]
    },
  })
  router.on('GET', '/v1.0/smart-lock/devices/{deviceId}/users', {
    perSecond: LIMITS.read,
    handler: ({ params, query }) => {
      const device = requireDevice(deps, params.deviceId)
      const members = describeMembers(deps, device, readList(query, 'codes'))
      const { page, total, hasMore } = paginate(members, readInt(query, 'page_no', 1), readInt(query, 'page_size', 50))
      return { has_more: hasMore, total, records: page }
    },
  })
  router.on('POST', '/v1.0/devices/{deviceId}/door-lock/temp-password', {
    perSecond: LIMITS.write,
    handler: (call) => createTempPassword(deps, call),
  })
  router.on('GET', '/v1.0/devices/{deviceId}/door-lock/temp-passwords', {
    perSecond: LIMITS.read,
    handler: ({ params }) =>
      requireDevice(deps, params.deviceId).tempPasswords.map((p) => ({
        id: p.id,
        name: p.name,
        effective_time: p.effectiveTime,
        invalid_time: p.invalidTime,
        // Android SDK status: 3 WORKING; revoked passwords show phase 17 in the cloud list (§3.2).
        phase: p.revoked ? 17 : 2,
        type: p.type,
      })),
  })
  router.on('DELETE', '/v1.0/devices/{deviceId}/door-lock/temp-passwords/{passwordId}', {
    perSecond: LIMITS.write,
    handler: ({ params }) => {
      const device = requireDevice(deps, params.deviceId)
      requireOnline(device)
      const entry = device.tempPasswords.find((p) => String(p.id) === params.passwordId && !p.revoked)
      if (!entry) throw new SimApiError(1000)
      entry.revoked = true
      return true
    },
  })
}
