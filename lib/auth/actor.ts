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
  /** The user's session version when resolved; live sockets are re-checked against it. */
  sessionVersion?: number
}

type CookieSource = { cookies: Record<string, string> } | Request

/**
 * The active user behind a session or token. A session carries the user's `sessionVersion` from sign-in;
 * disabling or re-roling the user bumps it, which ends every session signed before (JWTs cannot be recalled).
 */
export async function actorFromUserId(
  db: Db,
  userId: string,
  via: Actor['via'],
  sessionVersion?: number,
): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId } })
  if (!user || user.disabledAt) return null
  if (via === 'session' && user.sessionVersion !== (sessionVersion ?? 0)) return null
  const role = roleSchema.safeParse(user.role)
  if (!role.success) return null
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: role.data,
    via,
    sessionVersion: user.sessionVersion,
  }
}

export async function actorFromSessionCookie(db: Db, source: CookieSource): Promise<Actor | null> {
  const token = await getToken({
    req: source as Parameters<typeof getToken>[0]['req'],
    secret: getAuthSecret(),
    secureCookie: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
  }).catch(() => null)
  return token?.sub ? actorFromUserId(db, token.sub, 'session', token.sv) : null
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
