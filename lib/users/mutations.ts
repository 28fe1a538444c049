import { hashPassword } from '@/lib/auth/password'
import type { Db } from '@/lib/db/client'
import { conflict, notFound } from '@/lib/errors'
import { createTokenSchema, createUserSchema, type CreateUserInput } from '@/lib/users/schema'
import type { Actor } from '@/lib/auth/actor'
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens'
import { recordAudit, type AuditContext } from '@/lib/audit/record-audit'
import { z } from 'zod'

export async function createUser(db: Db, input: CreateUserInput) {
  const data = createUserSchema.parse(input)
  const existing = await db.user.findUnique({ where: { email: data.email } })
  if (existing) throw conflict(`a user with email ${data.email} already exists`)
  return db.user.create({
    data: {
      email: data.email,
      name: data.name ?? data.email.split('@')[0],
      role: data.role,
      passwordHash: await hashPassword(data.password),
    },
  })
}

// ── Operator actions (audited) ───────────────────────────────────────────────

const actorOf = (actor: Actor) => ({ userId: actor.userId, label: actor.email })

export async function addUser(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const user = await createUser(db, createUserSchema.parse(input))
  await recordAudit(db, {
    actor: actorOf(actor),
    action: 'user.created',
    targetType: 'user',
    targetId: user.id,
    details: { email: user.email, role: user.role },
    context,
  })
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}

const issueTokenSchema = createTokenSchema.extend({ userId: z.string().min(1).optional() })

/** Creates a token for the caller (or, for an admin, another user). The plain token is returned once. */
export async function issueApiToken(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const data = issueTokenSchema.parse(input)
  const userId = data.userId ?? actor.userId
  const owner = await db.user.findUnique({ where: { id: userId } })
  if (!owner) throw notFound('User')
  const created = await createApiToken(db, owner.id, data.name, data.expiresInDays)
  await recordAudit(db, {
    actor: actorOf(actor),
    action: 'token.created',
    targetType: 'api_token',
    targetId: created.id,
    details: { name: data.name, owner: owner.email, prefix: created.prefix },
    context,
  })
  return { id: created.id, token: created.token, prefix: created.prefix, name: data.name, userEmail: owner.email }
}

export async function withdrawApiToken(db: Db, actor: Actor, tokenId: string, context: AuditContext) {
  const row = await revokeApiToken(db, tokenId)
  await recordAudit(db, {
    actor: actorOf(actor),
    action: 'token.revoked',
    targetType: 'api_token',
    targetId: tokenId,
    details: { name: row.name, prefix: row.prefix },
    context,
  })
  return { id: tokenId, revoked: true }
}
