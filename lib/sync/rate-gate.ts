// Tuya limits each API per second for the whole cloud project (face writes 5/s, other writes about 20/s;
// docs/tuya-protocol.md §5.1). The worker's concurrent pushes share one gate per API class, which spaces calls
// evenly (a token bucket of depth one), so a burst of residents never trips 1110; a 1110 that still comes back
// (another instance, another tool on the same project) is a transient failure with backoff.
export type ApiClass = 'face' | 'write'

export type RateGate = { take(apiClass: ApiClass): Promise<void> }

export const DEFAULT_RATES: Record<ApiClass, number> = { face: 5, write: 20 }

/** Spacing a little wider than 1/rate: the cloud counts per calendar second and arrival times jitter. */
const MARGIN = 1.05

export function createRateGate(
  rates: Record<ApiClass, number> = DEFAULT_RATES,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): RateGate {
  const nextFree: Record<ApiClass, number> = { face: 0, write: 0 }
  return {
    async take(apiClass) {
      const t = now()
      const at = Math.max(t, nextFree[apiClass])
      nextFree[apiClass] = at + (1000 / rates[apiClass]) * MARGIN
      if (at > t) await sleep(at - t)
    },
  }
}
