// Operator accounts and API tokens. Each write is one change (runChange): the row and its audit row commit
// together. The console and the CLI differ only in whom the audit trail names.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/actor'
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens'
import { hashPassword } from '@/lib/auth/password'
import type { AuditActor, AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { conflict, notFound } from '@/lib/errors'
import { updateUserAccess } from '@/lib/users/offboarding'
import {
  createTokenSchema,
  createUserSchema,
  updateUserSchema,
  type CreateTokenInput,
  type CreateUserInput,
} from '@/lib/users/schema'

/** Who made a change, as the audit trail names them (an operator, or the CLI), and from where. */
export type ChangedBy = { actor: AuditActor; context?: AuditContext }

/** A new account. With `by`, it is audited in the same change; seeds and test fixtures create accounts without. */
export async function createUser(db: Db, input: CreateUserInput, by?: ChangedBy) {
  const data = createUserSchema.parse(input)
  // Hashing is slow on purpose: done before the transaction, which then stays short.
  const passwordHash = await hashPassword(data.password)
  return runChange(db, async ({ tx, audit }) => {
    const existing = await tx.user.findUnique({ where: { email: data.email } })
    if (existing) throw conflict(`a user with email ${data.email} already exists`, 'email_taken')
    const user = await tx.user.create({
      data: { email: data.email, name: data.name ?? data.email.split('@')[0], role: data.role, passwordHash },
    })
    if (by) {
      audit({
        ...by,
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, role: user.role },
      })
    }
    return user
  })
}

/**
 * A new API token for a user, audited. The plain token is in the result once; only its hash is stored.
 * Callers have validated `token` (the console's body schema, the CLI's flags).
 */
export async function issueToken(db: Db, by: ChangedBy, ownerId: string, token: CreateTokenInput) {
  const { name, expiresInDays } = token
  return runChange(db, async ({ tx, audit }) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId } })
    if (!owner) throw notFound('User')
    const created = await createApiToken(tx, owner.id, name, expiresInDays)
    audit({
      ...by,
      action: 'token.created',
      targetType: 'api_token',
      targetId: created.id,
      details: { name, owner: owner.email, prefix: created.prefix },
    })
    return { ...created, name, owner }
  })
}

/** Revokes a token (again is harmless), audited. */
export async function revokeToken(db: Db, by: ChangedBy, tokenId: string) {
  return runChange(db, async ({ tx, audit }) => {
    const row = await revokeApiToken(tx, tokenId)
    audit({
      ...by,
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: tokenId,
      details: { name: row.name, prefix: row.prefix },
    })
    return row
  })
}

// ── Operator actions from the console ────────────────────────────────────────

const changedBy = (actor: Actor, context: AuditContext): ChangedBy => ({
  actor: { userId: actor.userId, label: actor.email },
  context,
})

export async function addUser(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const user = await createUser(db, createUserSchema.parse(input), changedBy(actor, context))
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}

const issueTokenSchema = createTokenSchema.extend({ userId: z.string().min(1).optional() })

/** Creates a token for the caller (or, for an admin, another user). The plain token is returned once. */
export async function issueApiToken(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const { userId, ...token } = issueTokenSchema.parse(input)
  const created = await issueToken(db, changedBy(actor, context), userId ?? actor.userId, token)
  return {
    id: created.id,
    token: created.token,
    prefix: created.prefix,
    name: created.name,
    userEmail: created.owner.email,
  }
}

export async function withdrawApiToken(db: Db, actor: Actor, tokenId: string, context: AuditContext) {
  await revokeToken(db, changedBy(actor, context), tokenId)
  return { id: tokenId, revoked: true }
}

/** PATCH /api/users/{id}: disable/enable or re-role an account (lib/users/offboarding.ts). */
export async function changeUserAccess(db: Db, actor: Actor, userId: string, input: unknown, context: AuditContext) {
  if (userId === actor.userId) throw conflict('Ask another admin to change your own account', 'own_account')
  return updateUserAccess(db, changedBy(actor, context), userId, updateUserSchema.parse(input))
}
