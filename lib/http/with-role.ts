// The one wrapper every route handler goes through: resolves the caller, enforces the role, maps errors.
// 401 when signed out, 403 when the role is wrong (README "REST").
import { actorFromRequest, type Actor } from '@/lib/auth/actor'
import { getDb, type Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { forbidden, unauthorized } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'

export type RouteContext<P> = { params: Promise<P> }
export type AuthedHandler<P> = (input: { request: Request; actor: Actor; db: Db; params: P }) => Promise<Response>

export function withRole<P = Record<string, string>>(roles: readonly Role[], handler: AuthedHandler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const db = getDb()
      const actor = await actorFromRequest(db, request)
      if (!actor) throw unauthorized()
      if (!roles.includes(actor.role)) throw forbidden(`This needs one of these roles: ${roles.join(', ')}`)
      const params = context?.params ? await context.params : ({} as P)
      return await handler({ request, actor, db, params })
    } catch (error) {
      return errorResponse(error)
    }
  }
}

export const ALL_ROLES: readonly Role[] = ['guard', 'admin', 'manager']
