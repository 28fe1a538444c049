// Accounts and API tokens (lib/users/mutations.ts) on real databases: each write and its audit row are one
// change, so a failure while auditing leaves no account, no token and no revocation behind, and the next attempt
// with a healthy database goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { createApiToken, resolveApiToken } from '@/lib/auth/api-tokens'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { addUser, createUser, issueApiToken, withdrawApiToken } from '@/lib/users/mutations'

const context = { ip: '10.0.0.5', userAgent: 'vitest' }

describe.each(TEST_PROVIDERS)('accounts and tokens on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let admin: Actor

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const user = await createUser(db, { email: 'root@example.test', password: 'long-enough-password', role: 'admin' })
    admin = { userId: user.id, email: user.email, name: user.name, role: 'admin', via: 'session' }
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  /** Runs `write` with inserts into AuditLog failing inside the database; resolves to what it threw. */
  async function withAuditFailing(write: () => Promise<unknown>): Promise<unknown> {
    const restore = await failInsertsInto(db, provider, 'AuditLog')
    try {
      return await write().then(
        () => null,
        (error: unknown) => error,
      )
    } finally {
      await restore()
    }
  }

  const auditsOf = (action: string) => db.auditLog.findMany({ where: { action } })

  it('creates an account with its audit row, or neither when the audit write fails; a retry succeeds', async () => {
    const input = { email: 'Gate.Guard@Example.test', password: 'long-enough-password', role: 'guard' }
    const error = await withAuditFailing(() => addUser(db, admin, input, context))
    // (Prisma words the trigger's abort differently per provider; any error will do.)
    expect(error).toBeInstanceOf(Error)
    expect(await db.user.count({ where: { email: 'gate.guard@example.test' } })).toBe(0)
    expect(await auditsOf('user.created')).toEqual([])

    const created = await addUser(db, admin, input, context)
    expect(created).toMatchObject({ email: 'gate.guard@example.test', role: 'guard' })
    expect(await auditsOf('user.created')).toEqual([
      expect.objectContaining({ actorId: admin.userId, targetId: created.id, ip: '10.0.0.5' }),
    ])
    await expect(addUser(db, admin, input, context)).rejects.toMatchObject({ status: 409 })
    expect(await auditsOf('user.created')).toHaveLength(1)
  })

  it('issues a token with its audit row, or neither when the audit write fails; a retry succeeds', async () => {
    const error = await withAuditFailing(() => issueApiToken(db, admin, { name: 'BMS' }, context))
    expect(error).toBeInstanceOf(Error)
    expect(await db.apiToken.count({ where: { name: 'BMS' } })).toBe(0)
    expect(await auditsOf('token.created')).toEqual([])

    const issued = await issueApiToken(db, admin, { name: 'BMS' }, context)
    expect(issued).toMatchObject({ name: 'BMS', userEmail: admin.email })
    expect((await resolveApiToken(db, issued.token))?.user.id).toBe(admin.userId)
    const audits = await auditsOf('token.created')
    expect(audits).toEqual([expect.objectContaining({ actorId: admin.userId, targetId: issued.id })])
    expect(JSON.parse(audits[0].details!)).toEqual({ name: 'BMS', owner: admin.email, prefix: issued.prefix })
    expect(audits[0].details).not.toContain(issued.token)
  })

  it('keeps a token working when its revocation cannot be audited; a retry revokes it', async () => {
    const { token, id } = await createApiToken(db, admin.userId, 'door controller')
    const error = await withAuditFailing(() => withdrawApiToken(db, admin, id, context))
    expect(error).toBeInstanceOf(Error)
    expect(await db.apiToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedAt: null })
    expect(await resolveApiToken(db, token)).not.toBeNull()
    expect(await auditsOf('token.revoked')).toEqual([])

    expect(await withdrawApiToken(db, admin, id, context)).toEqual({ id, revoked: true })
    expect(await resolveApiToken(db, token)).toBeNull()
    expect(await auditsOf('token.revoked')).toEqual([
      expect.objectContaining({ actorId: admin.userId, targetId: id, targetType: 'api_token' }),
    ])
  })
})
