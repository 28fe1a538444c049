// Fault injection for the OpenAPI (rate limits, 5xx, latency, Tuya errors for one device). Token expiry and
// dropped MQ connections are one-shot actions performed by the control API directly.
import { z } from 'zod'
import { TUYA_ERROR_CODES } from '@/lib/tuya/errors'

export const faultsSchema = z.object({
  rateLimit: z
    .object({
      /** Route pattern or path prefix, e.g. "/v1.0/devices/{deviceId}/commands" or "/v1.0/devices". */
      path: z.string().min(1),
      perSecond: z.number().int().min(0),
      code: z.union([z.literal(1110), z.literal(1199)]).default(1110),
    })
    .optional(),
  errors5xx: z
    .object({
      count: z.number().int().min(0).optional(),
      probability: z.number().min(0).max(1).optional(),
      status: z.number().int().min(500).max(599).default(500),
      path: z.string().optional(),
    })
    .optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /**
   * Replaces the per-device errors (`[]` clears them): every OpenAPI write naming that device in its path (and
   * every read too with `reads`) answers `success:false` with this Tuya code until cleared or `count` is used up.
   */
  deviceErrors: z
    .array(
      z.strictObject({
        deviceId: z.string().min(1).max(100),
        code: z.number().int().min(1).max(99_999_999),
        message: z.string().min(1).max(500).optional(),
        count: z.number().int().min(1).max(1_000_000).optional(),
        reads: z.boolean().default(false),
      }),
    )
    .max(100)
    .optional(),
  expireTokens: z.boolean().optional(),
  dropMqConnections: z.boolean().optional(),
})
export type FaultsInput = z.infer<typeof faultsSchema>

export type ActiveFaults = {
  rateLimits: { path: string; perSecond: number; code: 1110 | 1199 }[]
  errors5xx: { remaining?: number; probability?: number; status: number; path?: string } | null
  latencyMs: number
  deviceErrors: DeviceErrorFault[]
}

export type DeviceErrorFault = {
  deviceId: string
  code: number
  message: string
  /** Answers left; absent = until cleared. */
  remaining?: number
  reads: boolean
}

export function createActiveFaults(): ActiveFaults {
  return { rateLimits: [], errors5xx: null, latencyMs: 0, deviceErrors: [] }
}

export function toDeviceErrorFaults(input: NonNullable<FaultsInput['deviceErrors']>): DeviceErrorFault[] {
  return input.map(({ deviceId, code, message, count, reads }) => ({
    deviceId,
    code,
    message: message ?? TUYA_ERROR_CODES[code]?.msg ?? 'system error, please contact the admin',
    remaining: count,
    reads,
  }))
}

/** The injected error for a call on this device, if any; consumes one answer from a counted fault. */
export function takeDeviceError(
  faults: ActiveFaults,
  deviceId: string | undefined,
  method: string,
): { code: number; message: string } | null {
  if (deviceId === undefined) return null
  const isRead = method === 'GET'
  const index = faults.deviceErrors.findIndex((f) => f.deviceId === deviceId && (!isRead || f.reads))
  if (index < 0) return null
  const fault = faults.deviceErrors[index]
  if (fault.remaining !== undefined) {
    fault.remaining -= 1
    if (fault.remaining <= 0) faults.deviceErrors.splice(index, 1)
  }
  return { code: fault.code, message: fault.message }
}

function pathMatches(filter: string | undefined, pattern: string, path: string): boolean {
  return filter === undefined || filter === pattern || path.startsWith(filter)
}

export function findFaultRateLimit(faults: ActiveFaults, pattern: string, path: string) {
  return faults.rateLimits.find((r) => pathMatches(r.path, pattern, path))
}

/** Decides whether this request fails with an injected 5xx, consuming one from a counted fault. */
export function takeInjected5xx(faults: ActiveFaults, pattern: string, path: string): number | null {
  const fault = faults.errors5xx
  if (!fault || !pathMatches(fault.path, pattern, path)) return null
  if (fault.remaining !== undefined) {
    if (fault.remaining <= 0) return null
    fault.remaining -= 1
    return fault.status
  }
  if (fault.probability !== undefined && Math.random() < fault.probability) return fault.status
  return null
}
