// API tokens for integrations: 32 random bytes, shown once, stored as SHA-256 (a slow hash adds nothing for
// 256-bit random secrets and would cost every API call), revocable, expiring (90 days unless chosen otherwise).
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '@/lib/db/client'
import { notFound } from '@/lib/errors'

const TOKEN_PREFIX = 'tbc_'

/** The client or a transaction: token rows are written inside the change that audits them (lib/users/mutations.ts). */
type TokenWriter = Pick<Db, 'apiToken'>

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20
}

/** Tokens expire: a forgotten integration credential stops working on its own. Longer lives are chosen per token. */
export const DEFAULT_TOKEN_DAYS = 90
export const MAX_TOKEN_DAYS = 3650

export async function createApiToken(
  db: TokenWriter,
  userId: string,
  name: string,
  expiresInDays = DEFAULT_TOKEN_DAYS,
) {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const row = await db.apiToken.create({
    data: {
      userId,
      name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashApiToken(token),
      expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
    },
  })
  return { token, id: row.id, prefix: row.prefix }
}

/** The active user behind a token, or null when it is unknown, revoked, expired or its user is disabled. */
export async function resolveApiToken(db: Db, token: string, now = new Date()) {
  if (!looksLikeApiToken(token)) return null
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } })
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabledAt) return null
  // Last-used is informational; avoid a write per request by updating at most once a minute.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined)
  }
  return { tokenId: row.id, user: row.user }
}

export async function revokeApiToken(db: TokenWriter, tokenId: string, now = new Date()) {
  const row = await db.apiToken.findUnique({ where: { id: tokenId } })
  if (!row) throw notFound('API token')
  if (!row.revokedAt) await db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } })
  return row
}

export async function listApiTokens(db: Db, userId?: string) {
  const rows = await db.apiToken.findMany({
    where: userId ? { userId } : undefined,
    include: { user: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
  })
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    userEmail: t.user.email,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }))
}
