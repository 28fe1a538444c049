// Commercial access control (model C; docs/tuya-devices.md §3.3): persons (with their validity window), faces by
// URL, cards and passwords pushed to one device; every write answers {sn}. The device holds what it was sent and
// the triggers check it (simulator/devices/vendor-access.ts). Writes to an offline device answer 2001; a card
// number or PIN already held by another person on the device answers 1109 (docs/tuya-devices.md §3.6).
import { createHash } from 'node:crypto'
import { looksLikeImage } from '@/lib/tuya/media/image-crypto'
import { emitRemoteUnlock } from '@/simulator/devices/trigger-device'
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiCall,
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  readJsonObject,
  requireDevice,
  requireOnline,
  requireString,
} from '@/simulator/openapi/api-types'
import { createSerialNumber } from '@/simulator/state/ids'
import type { SimDevice } from '@/simulator/state/sim-state'

const BASE = '/v1.0/access-control/{deviceId}/persons/{personId}'

function requireAccessDevice(deps: OpenApiDeps, deviceId: string): SimDevice {
  const device = requireDevice(deps, deviceId)
  if (device.def.model === 'lock') throw new SimApiError(2009)
  return device
}

/** A device that must apply a change now: present in the project, not a lock, online. */
function requireWritableDevice(deps: OpenApiDeps, deviceId: string): SimDevice {
  const device = requireAccessDevice(deps, deviceId)
  requireOnline(device)
  return device
}

function requirePerson(device: SimDevice, personId: string): void {
  if (!device.persons.has(personId)) throw new SimApiError(1000, `data not exist: person ${personId}`)
}

const sn = () => ({ sn: createSerialNumber() })

/** `begin_time` / `end_time` are ms (§3.3); absent means no bound. */
function readValidity(body: Record<string, unknown>): { beginTime?: number; endTime?: number } {
  const read = (name: string) => {
    const value = body[name]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      throw new SimApiError(1104, `type is incorrect: ${name}`)
    return value
  }
  const beginTime = read('begin_time')
  const endTime = read('end_time')
  if (beginTime !== undefined && endTime !== undefined && endTime < beginTime)
    throw new SimApiError(1109, 'param is illegal, please check it: end_time is before begin_time')
  return { beginTime, endTime }
}

function upsertPerson(deps: OpenApiDeps, call: ApiCall, mustExist: boolean) {
  const device = requireWritableDevice(deps, call.params.deviceId)
  const body = readJsonObject(call)
  const name = requireString(body, 'name')
  const validity = readValidity(body)
  if (mustExist) requirePerson(device, call.params.personId)
  device.persons.set(call.params.personId, {
    personId: call.params.personId,
    name,
    ...validity,
    body,
    updatedAt: deps.ctx.clock.now(),
  })
  return sn()
}

function deletePerson(deps: OpenApiDeps, device: SimDevice, personId: string) {
  requirePerson(device, personId)
  device.persons.delete(personId)
  for (const [key, face] of device.faces)
    if (face.personId === personId) {
      deps.ctx.media.release(face.mediaId)
      device.faces.delete(key)
    }
  for (const [key, card] of device.cards) if (card.personId === personId) device.cards.delete(key)
  for (const [key, pin] of device.pins) if (pin.personId === personId) device.pins.delete(key)
  return sn()
}

/** The cloud downloads the picture and refuses anything that is not an image (§3.3: public image URL). */
async function enrolFace(deps: OpenApiDeps, call: ApiCall) {
  const device = requireWritableDevice(deps, call.params.deviceId)
  const { personId, faceId } = call.params
  const url = requireString(readJsonObject(call), 'url')
  requirePerson(device, personId)
  let bytes: Buffer
  try {
    bytes = await deps.fetchImage(url)
  } catch (error) {
    throw new SimApiError(
      1109,
      `param is illegal, please check it: url cannot be downloaded (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  if (!looksLikeImage(bytes)) throw new SimApiError(1109, 'param is illegal, please check it: url is not an image')
  const key = `${personId}/${faceId}`
  const previous = device.faces.get(key)
  if (previous) deps.ctx.media.release(previous.mediaId)
  device.faces.set(key, {
    personId,
    faceId,
    url,
    mediaId: deps.ctx.media.putPinnedImage(bytes),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    enrolledAt: deps.ctx.clock.now(),
  })
  return sn()
}

/** One card number / PIN opens as one person: re-sending it for the same person is fine, another person is not. */
function requireFree(held: { personId: string } | undefined, personId: string, what: string): void {
  if (held && held.personId !== personId)
    throw new SimApiError(1109, `param is illegal, please check it: ${what} is already held by another person`)
}

/** A delete names the person too: removing someone else's card or PIN is "data not exist". */
function requireHeldBy(held: { personId: string } | undefined, personId: string): void {
  if (!held || held.personId !== personId) throw new SimApiError(1000)
}

function registerCredentialRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  const write = (handler: ApiRoute['handler']): ApiRoute => ({ perSecond: LIMITS.write, handler })
  router.on(
    'POST',
    `${BASE}/card/{cardNo}`,
    write(({ params }) => {
      const device = requireWritableDevice(deps, params.deviceId)
      requirePerson(device, params.personId)
      if (!/^[0-9A-Za-z]{1,32}$/.test(params.cardNo)) throw new SimApiError(1109)
      requireFree(device.cards.get(params.cardNo), params.personId, 'card_no')
      device.cards.set(params.cardNo, {
        personId: params.personId,
        cardNo: params.cardNo,
        enrolledAt: deps.ctx.clock.now(),
      })
      return sn()
    }),
  )
  router.on(
    'DELETE',
    `${BASE}/card/{cardNo}`,
    write(({ params }) => {
      const device = requireWritableDevice(deps, params.deviceId)
      requireHeldBy(device.cards.get(params.cardNo), params.personId)
      device.cards.delete(params.cardNo)
      return sn()
    }),
  )
  router.on(
    'POST',
    `${BASE}/passpwd/{password}`,
    write(({ params }) => {
      const device = requireWritableDevice(deps, params.deviceId)
      requirePerson(device, params.personId)
      if (!/^\d{4,10}$/.test(params.password)) throw new SimApiError(1109)
      requireFree(device.pins.get(params.password), params.personId, 'pass_pwd')
      device.pins.set(params.password, {
        personId: params.personId,
        pin: params.password,
        enrolledAt: deps.ctx.clock.now(),
      })
      return sn()
    }),
  )
  router.on(
    'DELETE',
    `${BASE}/passpwd/{password}`,
    write(({ params }) => {
      const device = requireWritableDevice(deps, params.deviceId)
      requireHeldBy(device.pins.get(params.password), params.personId)
      device.pins.delete(params.password)
      return sn()
    }),
  )
}

export function registerAccessControlRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  const write = (handler: ApiRoute['handler']): ApiRoute => ({ perSecond: LIMITS.write, handler })
  router.on(
    'POST',
    BASE,
    write((call) => upsertPerson(deps, call, false)),
  )
  router.on(
    'PUT',
    BASE,
    write((call) => upsertPerson(deps, call, true)),
  )
  router.on(
    'DELETE',
    BASE,
    write(({ params }) => deletePerson(deps, requireWritableDevice(deps, params.deviceId), params.personId)),
  )

  const face = { perSecond: LIMITS.face, handler: (call: ApiCall) => enrolFace(deps, call) }
  router.on('POST', `${BASE}/faces/{faceId}`, face)
  router.on('PUT', `${BASE}/faces/{faceId}`, face)
  router.on('DELETE', `${BASE}/faces/{faceId}`, {
    perSecond: LIMITS.face,
    handler: ({ params }) => {
      const device = requireWritableDevice(deps, params.deviceId)
      const key = `${params.personId}/${params.faceId}`
      const existing = device.faces.get(key)
      if (!existing) throw new SimApiError(1000)
      deps.ctx.media.release(existing.mediaId)
      device.faces.delete(key)
      return sn()
    },
  })

  registerCredentialRoutes(router, deps)

  router.on('POST', `${BASE}/actions/open`, {
    perSecond: LIMITS.command,
    handler: ({ params }) => {
      const device = requireAccessDevice(deps, params.deviceId)
      requirePerson(device, params.personId)
      requireOnline(device)
      const message = emitRemoteUnlock(deps.ctx, device)
      device.unlockCommands.push({
        at: deps.ctx.clock.now(),
        via: 'access-control-open',
        open: true,
        personId: params.personId,
        messageId: message.messageId,
      })
      return sn()
    },
  })
}
