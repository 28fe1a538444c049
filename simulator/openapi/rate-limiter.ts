// Per-project, per-API frequency limits in requests/second (docs/tuya-protocol.md §5.1). Over the limit Tuya
// answers 1110 "concurrent request over limit" (public list) or 1199 "your requests are too frequent" (Cube list).
export type RateLimitCode = 1110 | 1199

type Window = { second: number; count: number }

export class RateLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(private readonly now: () => number) {}

  /** Counts one request against `key`; true when it is within `perSecond`. */
  take(key: string, perSecond: number): boolean {
    const second = Math.floor(this.now() / 1000)
    const window = this.windows.get(key)
    if (!window || window.second !== second) {
      this.windows.set(key, { second, count: 1 })
      return perSecond >= 1
    }
    window.count += 1
    return window.count <= perSecond
  }

  reset(): void {
    this.windows.clear()
  }
}
