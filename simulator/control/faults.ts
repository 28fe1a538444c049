// Fault injection for the OpenAPI (rate limits, 5xx, latency). Token expiry and dropped MQ connections are
// one-shot actions performed by the control API directly.
import { z } from 'zod'

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
  expireTokens: z.boolean().optional(),
  dropMqConnections: z.boolean().optional(),
})
export type FaultsInput = z.infer<typeof faultsSchema>

export type ActiveFaults = {
  rateLimits: { path: string; perSecond: number; code: 1110 | 1199 }[]
  errors5xx: { remaining?: number; probability?: number; status: number; path?: string } | null
  latencyMs: number
}

export function createActiveFaults(): ActiveFaults {
  return { rateLimits: [], errors5xx: null, latencyMs: 0 }
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
