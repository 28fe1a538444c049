// A camera's live view through Tuya's "Query live streaming address" (docs/live-view.md):
// `POST /v1.0/devices/{device_id}/stream/actions/allocate` `{type: "hls"}` → `{url}`. The URL is signed, short-lived
// and names a media host Tuya chooses, so callers treat it as hostile (lib/streams/stream-hosts.ts).
import { z } from 'zod'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import type { TuyaRequest } from '@/lib/tuya/openapi/openapi-client'

const allocatedStreamSchema = z.looseObject({ url: z.string().min(1) })

export type StreamProtocol = 'hls' | 'rtsp'

export function createStreamApi(request: TuyaRequest) {
  return {
    /** Allocating twice only makes a second URL: safe to retry. */
    allocateStream: async (deviceId: string, type: StreamProtocol = 'hls') =>
      (
        await request({
          method: 'POST',
          path: TUYA_PATHS.streamAllocate(deviceId),
          body: { type },
          idempotent: true,
          schema: allocatedStreamSchema,
        })
      ).url,
  }
}

export type StreamApi = ReturnType<typeof createStreamApi>
