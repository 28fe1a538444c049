// GET /v1.0/token?grant_type=1 and GET /v1.0/token/{refresh_token} (docs/tuya-protocol.md §2.1-§2.3).
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import { type ApiRoute, LIMITS, type OpenApiDeps } from '@/simulator/openapi/api-types'

export function registerTokenRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  router.on('GET', TUYA_PATHS.token, {
    perSecond: LIMITS.token,
    handler: ({ query }) => {
      // Only simple mode (cloud authorisation) exists for a cloud project; codes for other modes are user-bound.
      if (query.get('grant_type') !== '1') throw new SimApiError(1003)
      return deps.tokens.issue()
    },
  })
  router.on('GET', '/v1.0/token/{refreshToken}', {
    perSecond: LIMITS.token,
    handler: ({ params }) => {
      const result = deps.tokens.refresh(params.refreshToken)
      if (!result) throw new SimApiError(1011)
      return result
    },
  })
}
