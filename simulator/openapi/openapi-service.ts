// The OpenAPI gateway: route → signature (docs/tuya-protocol.md §1.7) → token (§2.3) → faults (latency, 5xx,
// per-device Tuya errors) → rate limit (§5) → handler, always answering Tuya's envelope with HTTP 200 unless a 5xx is injected.
import { verifyOpenApiRequest } from '@/lib/tuya/openapi/openapi-verify'
import { type ActiveFaults, findFaultRateLimit, takeDeviceError, takeInjected5xx } from '@/simulator/control/faults'
import { Router, type SimRequest, type SimResponse, jsonResponse } from '@/simulator/http/router'
import { SimApiError, failureEnvelope, successEnvelope } from '@/simulator/openapi/api-error'
import type { ApiRoute, OpenApiDeps } from '@/simulator/openapi/api-types'
import { registerAccessControlLogRoutes } from '@/simulator/openapi/access-control-log-routes'
import { registerAccessControlRoutes } from '@/simulator/openapi/access-control-routes'
import { registerDeviceRoutes } from '@/simulator/openapi/device-routes'
import { registerLockLogRoutes } from '@/simulator/openapi/lock-log-routes'
import { registerLockMemberRoutes } from '@/simulator/openapi/lock-member-routes'
import { registerLockRemoteRoutes } from '@/simulator/openapi/lock-remote-routes'
import { RateLimiter } from '@/simulator/openapi/rate-limiter'
import { registerTokenRoutes } from '@/simulator/openapi/token-routes'
import type { HlsStreams } from '@/simulator/media/hls-streams'
import { registerStreamRoutes } from '@/simulator/openapi/stream-routes'
import { createTid } from '@/simulator/state/ids'

export type OpenApiServiceOptions = OpenApiDeps & {
  faults: ActiveFaults
  allowLegacySign: boolean
  onError?: (message: string) => void
  /** Camera live view (simulator/media/hls-streams.ts); without it the allocate route is unknown (1108). */
  streams?: HlsStreams
}

export type OpenApiService = { handle(req: SimRequest): Promise<SimResponse>; limiter: RateLimiter }

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath)
  } catch {
    return rawPath
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createOpenApiService(options: OpenApiServiceOptions): OpenApiService {
  const router = new Router<ApiRoute>()
  registerTokenRoutes(router, options)
  registerDeviceRoutes(router, options)
  registerLockLogRoutes(router, options)
  registerLockRemoteRoutes(router, options)
  registerLockMemberRoutes(router, options)
  registerAccessControlRoutes(router, options)
  registerAccessControlLogRoutes(router, options)
  // Live view (docs/live-view.md).
  if (options.streams) registerStreamRoutes(router, options, options.streams)
  const limiter = new RateLimiter(() => options.ctx.clock.now())
  const now = () => options.ctx.clock.now()

  async function run(req: SimRequest): Promise<{ result: unknown } | { status: number }> {
    const match = router.match(req.method, req.rawPath)
    if (!match.found) throw new SimApiError(1108)
    // Clients sign the decoded path + sorted decoded query (§1.2); verify against the same text.
    const pathWithQuery = decodePath(req.rawPath) + (req.rawQuery ? `?${req.rawQuery}` : '')
    const verdict = verifyOpenApiRequest({
      method: req.method,
      pathWithQuery,
      rawBody: req.rawBody,
      headers: req.headers,
      clientId: options.accessId,
      secret: options.accessSecret,
      now: now(),
      allowLegacy: options.allowLegacySign,
    })
    if (!verdict.ok) throw new SimApiError(verdict.code, verdict.msg)
    if (!verdict.isTokenApi) {
      const check = options.tokens.check(verdict.accessToken)
      if (check === 'expired') throw new SimApiError(1010)
      if (check === 'invalid') throw new SimApiError(1011)
    }
    if (options.faults.latencyMs > 0) await sleep(options.faults.latencyMs)
    const injected = takeInjected5xx(options.faults, match.pattern, req.rawPath)
    if (injected !== null) return { status: injected }
    const deviceError = takeDeviceError(options.faults, match.params.deviceId, req.method)
    if (deviceError) throw new SimApiError(deviceError.code, deviceError.message)
    const faultLimit = findFaultRateLimit(options.faults, match.pattern, req.rawPath)
    const key = `${req.method} ${match.pattern}`
    if (faultLimit && !limiter.take(`fault:${key}`, faultLimit.perSecond)) throw new SimApiError(faultLimit.code)
    if (!limiter.take(key, match.handler.perSecond)) throw new SimApiError(1110)
    const result = await match.handler.handler({ req, params: match.params, query: new URLSearchParams(req.rawQuery) })
    return { result }
  }

  async function handle(req: SimRequest): Promise<SimResponse> {
    const tid = createTid()
    try {
      const outcome = await run(req)
      if ('status' in outcome)
        return jsonResponse(outcome.status, failureEnvelope(500, 'system error, please contact the admin', now(), tid))
      return jsonResponse(200, successEnvelope(outcome.result, now(), tid))
    } catch (error) {
      if (error instanceof SimApiError) return jsonResponse(200, failureEnvelope(error.code, error.message, now(), tid))
      options.onError?.(`openapi ${req.method} ${req.rawPath}: ${error instanceof Error ? error.stack : String(error)}`)
      return jsonResponse(200, failureEnvelope(500, 'system error, please contact the admin', now(), tid))
    }
  }

  return { handle, limiter }
}
