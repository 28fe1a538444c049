// Commercial access-control logs used for backfill (docs/tuya-devices.md §2.8) and the movement-configs call that
// signs a stored picture's URL (§2.7). Reads only: served whether the device is online or not.
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  paginate,
  readInt,
  readList,
  requireDevice,
} from '@/simulator/openapi/api-types'

export function registerAccessControlLogRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
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
