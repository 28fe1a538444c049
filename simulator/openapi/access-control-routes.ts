// Commercial access control (model C; docs/tuya-devices.md §3.3): persons, faces by URL, cards and
// passwords pushed to one device; every write answers {sn}. Also the access-control logs used for backfill (§2.8).
import { looksLikeImage } from '@/lib/tuya/media/image-crypto'
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
import { createSerialNumber } from '@/simulator/state/ids'
import type { SimDevice } from '@/simulator/state/sim-state'

const BASE = '/v1.0/access-control/{deviceId}/persons/{personId}'

function requireAccessDevice(deps: OpenApiDeps, deviceId: string): SimDevice {
  const device = requireDevice(deps, deviceId)
  if (device.def.model === 'lock') throw new SimApiError(2009)
  return device
}

function requirePerson(device: SimDevice, personId: string): void {
  if (!device.persons.has(personId)) throw new SimApiError(1000, `data not exist: person ${personId}`)
}

const sn = () => ({ sn: createSerialNumber() })

function upsertPerson(deps: OpenApiDeps, call: ApiCall, mustExist: boolean) {
  const device = requireAccessDevice(deps, call.params.deviceId)
  const body = readJsonObject(call)
  const name = requireString(body, 'name')
  if (mustExist) requirePerson(device, call.params.personId)
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined)
  device.persons.set(call.params.personId, {
    personId: call.params.personId,
    name,
    beginTime: num(body.begin_time),
    endTime: num(body.end_time),
    body,
    updatedAt: deps.ctx.clock.now(),
  })
  return sn()
}

function deletePerson(device: SimDevice, personId: string) {
  requirePerson(device, personId)
  device.persons.delete(personId)
  for (const [key, face] of device.faces) if (face.personId === personId) device.faces.delete(key)
  for (const [key, card] of device.cards) if (card.personId === personId) device.cards.delete(key)
  for (const [key, pin] of device.pins) if (pin.personId === personId) device.pins.delete(key)
  return sn()
}

/** The cloud downloads the picture and refuses anything that is not an image (§3.3: public image URL). */
async function enrolFace(deps: OpenApiDeps, call: ApiCall) {
  const device = requireAccessDevice(deps, call.params.deviceId)
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
  const mediaId = deps.ctx.media.putImage(bytes)
  device.faces.set(`${personId}/${faceId}`, {
    personId,
    faceId,
    url,
    mediaId,
    bytes: bytes.length,
    enrolledAt: deps.ctx.clock.now(),
  })
  return sn()
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
    write(({ params }) => deletePerson(requireAccessDevice(deps, params.deviceId), params.personId)),
  )

  const face = { perSecond: LIMITS.face, handler: (call: ApiCall) => enrolFace(deps, call) }
  router.on('POST', `${BASE}/faces/{faceId}`, face)
  router.on('PUT', `${BASE}/faces/{faceId}`, face)
  router.on('DELETE', `${BASE}/faces/{faceId}`, {
    perSecond: LIMITS.face,
    handler: ({ params }) => {
      const device = requireAccessDevice(deps, params.deviceId)
      if (!device.faces.delete(`${params.personId}/${params.faceId}`)) throw new SimApiError(1000)
      return sn()
    },
  })

  router.on(
    'POST',
    `${BASE}/card/{cardNo}`,
    write(({ params }) => {
      const device = requireAccessDevice(deps, params.deviceId)
      requirePerson(device, params.personId)
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
      if (!requireAccessDevice(deps, params.deviceId).cards.delete(params.cardNo)) throw new SimApiError(1000)
      return sn()
    }),
  )
  router.on(
    'POST',
    `${BASE}/passpwd/{password}`,
    write(({ params }) => {
      const device = requireAccessDevice(deps, params.deviceId)
      requirePerson(device, params.personId)
      if (!/^\d{4,10}$/.test(params.password)) throw new SimApiError(1109)
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
      if (!requireAccessDevice(deps, params.deviceId).pins.delete(params.password)) throw new SimApiError(1000)
      return sn()
    }),
  )

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

  router.on('GET', '/v1.0/iot-02/access-control-logs', {
    perSecond: LIMITS.read,
    handler: ({ query }) => {
      const ids = [...readList(query, 'device_ids'), ...readList(query, 'device_id')]
      const uids = readList(query, 'uids')
      const types = readList(query, 'access_types')
      const start = readInt(query, 'start_time', 0)
      const end = readInt(query, 'end_time', Number.MAX_SAFE_INTEGER)
      const withImage = query.get('export_face_img') === 'true'
      const devices = [...deps.ctx.state.devices.values()].filter((d) => ids.length === 0 || ids.includes(d.def.id))
      const logs = devices
        .flatMap((d) => d.accessLogs.map((log, index) => ({ log, index, name: d.def.name })))
        .filter(({ log }) => log.time >= start && log.time <= end)
        .filter(
          ({ log }) =>
            (uids.length === 0 || (log.userId && uids.includes(log.userId))) &&
            (types.length === 0 || types.includes(log.accessType)),
        )
        .sort((a, b) => b.log.time - a.log.time || b.index - a.index)
      const { page, total, hasMore } = paginate(logs, readInt(query, 'page_no', 1), readInt(query, 'page_size', 20))
      return {
        total,
        has_more: hasMore,
        list: page.map(({ log, name }) => ({
          record_id: log.recordId,
          device_id: log.deviceId,
          device_name: name,
          name: log.userName ?? '',
          user_id: log.userId ?? '',
          access_time: log.time,
          access_type: log.accessType,
          success: log.success,
          image_capture: withImage && log.imageId ? deps.ctx.media.signedImageUrl(log.imageId) : '',
        })),
      }
    },
  })

  router.on('GET', '/v1.0/devices/{deviceId}/movement-configs', {
    perSecond: LIMITS.read,
    handler: ({ params, query }) => {
      requireDevice(deps, params.deviceId)
      const bucket = query.get('bucket') ?? ''
      const path = query.get('file_path') ?? ''
      if (!bucket || !path) throw new SimApiError(1100)
      if (!deps.ctx.media.hasFile(bucket, path)) throw new SimApiError(1000)
      // The result is the signed URL itself, a bare string (§1.5 step 2).
      return deps.ctx.media.signedFileUrl(bucket, path)
    },
  })
}
