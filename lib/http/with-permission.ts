// The one wrapper every route handler goes through: resolves the caller, checks the route's permission against
// the grant table (lib/auth/permissions.ts), maps errors. 401 when signed out, 403 when the role lacks it
// (README "REST").
import { actorFromRequest, type Actor } from '@/lib/auth/actor'
import { can, type Permission } from '@/lib/auth/permissions'
import { getDb, type Db } from '@/lib/db/client'
import { forbidden, unauthorized } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'

export type RouteContext<P> = { params: Promise<P> }
export type AuthedHandler<P> = (input: { request: Request; actor: Actor; db: Db; params: P }) => Promise<Response>

export function withPermission<P = Record<string, string>>(permission: Permission, handler: AuthedHandler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const db = getDb()
      const actor = await actorFromRequest(db, request)
      if (!actor) throw unauthorized()
      if (!can(actor.role, permission)) throw forbidden(`Your role does not have the ${permission} permission`)
      const params = context?.params ? await context.params : ({} as P)
      return await handler({ request, actor, db, params })
    } catch (error) {
      return errorResponse(error)
    }
  }
}
