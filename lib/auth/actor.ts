// Who is calling: a signed-in operator (session cookie) or an integration (Bearer API token). Every route,
// page and socket resolves the caller here, and the user row is re-read so a disabled user or a changed
// role takes effect at once rather than when the JWT expires.
import { getToken } from 'next-auth/jwt'
import { resolveApiToken } from '@/lib/auth/api-tokens'
import { getAuthSecret } from '@/lib/auth/auth-secret'
import type { Db } from '@/lib/db/client'
import { roleSchema, type Role } from '@/lib/domain/enums'

export type Actor = {
  userId: string
  email: string
  name: string
  role: Role
  via: 'session' | 'token'
  tokenId?: string
}

type CookieSource = { cookies: Record<string, string> } | Request

export async function actorFromUserId(db: Db, userId: string, via: Actor['via']): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId } })
  if (!user || user.disabledAt) return null
  const role = roleSchema.safeParse(user.role)
  if (!role.success) return null
  return { userId: user.id, email: user.email, name: user.name, role: role.data, via }
}

export async function actorFromSessionCookie(db: Db, source: CookieSource): Promise<Actor | null> {
  const token = await getToken({
    req: source as Parameters<typeof getToken>[0]['req'],
    secret: getAuthSecret(),
    secureCookie: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
  }).catch(() => null)
  return token?.sub ? actorFromUserId(db, token.sub, 'session') : null
}

export async function actorFromApiToken(db: Db, apiToken: string): Promise<Actor | null> {
  const resolved = await resolveApiToken(db, apiToken)
  if (!resolved) return null
  const actor = await actorFromUserId(db, resolved.user.id, 'token')
  return actor && { ...actor, tokenId: resolved.tokenId }
}

/** From an HTTP request: `Authorization: Bearer <api token>` wins over the session cookie. */
export async function actorFromRequest(db: Db, request: Request): Promise<Actor | null> {
  const authorization = request.headers.get('authorization')
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    return actorFromApiToken(db, authorization.slice(7).trim())
  }
  return actorFromSessionCookie(db, request)
}

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index < 1) continue
    const name = part.slice(0, index).trim()
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim())
    } catch {
      cookies[name] = part.slice(index + 1).trim()
    }
  }
  return cookies
}
