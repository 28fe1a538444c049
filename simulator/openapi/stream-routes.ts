// Tuya's "Query live streaming address" (docs/live-view.md; `TUYA_PATHS.streamAllocate`): `POST /v1.0/devices/{id}/stream/actions/allocate`
// `{type}` → `{url}`. Only cameras stream: the door station (`sp`, Tuya's IPC category); a lock or an access
// panel answers 2009 "not support this device", an offline camera 2001. The simulator hands out HLS only.
import type { Router } from '@/simulator/http/router'
import type { HlsStreams } from '@/simulator/media/hls-streams'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  readJsonObject,
  requireDevice,
  requireOnline,
} from '@/simulator/openapi/api-types'

const STREAMING_CATEGORIES = new Set(['sp'])

export function registerStreamRoutes(router: Router<ApiRoute>, deps: OpenApiDeps, streams: HlsStreams): void {
  router.on('POST', '/v1.0/devices/{deviceId}/stream/actions/allocate', {
    perSecond: LIMITS.write,
    handler: (call) => {
      const device = requireDevice(deps, call.params.deviceId)
      const type = readJsonObject(call).type
      if (typeof type !== 'string' || type === '') throw new SimApiError(1100, 'param is empty: type')
      if (!STREAMING_CATEGORIES.has(device.def.category)) throw new SimApiError(2009)
      if (type.toLowerCase() !== 'hls') throw new SimApiError(2003)
      requireOnline(device)
      return { url: streams.allocate(device.def.id) }
    },
  })
}
