// Offboarding on real databases: disabling or re-roling an account ends its sessions (the version a session was
// signed with no longer matches), revokes its tokens, is audited with before → after, never leaves the building
// without an active admin, and is all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorFromUserId } from '@/lib/auth/actor'
import { createApiToken, resolveApiToken } from '@/lib/auth/api-tokens'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import type { Role } from '@/lib/domain/enums'
import type { ChangedBy } from '@/lib/users/mutations'
import { updateUserAccess } from '@/lib/users/offboarding'

const BY: ChangedBy = { actor: { userId: null, label: 'admin@example.test' }, context: { ip: '192.0.2.1' } }

describe.each(TEST_PROVIDERS)('updateUserAccess on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
  })
  afterAll(async () => testDb?.drop())

  const createUser = (role: Role) =>
    db.user.create({
      data: {
        email: `${role}-${Math.random().toString(36).slice(2)}@example.test`,
        name: role,
        role,
        passwordHash: 'x',
      },
    })

  it('disabling ends sessions signed before, revokes every token and is audited with before → after', async () => {
    const guard = await createUser('guard')
    const tokens = await Promise.all([createApiToken(db, guard.id, 'a'), createApiToken(db, guard.id, 'b')])
    expect(await actorFromUserId(db, guard.id, 'session', 0)).not.toBeNull()

    const item = await updateUserAccess(db, BY, guard.id, { disabled: true })
    expect(item).toMatchObject({ id: guard.id, disabled: true, role: 'guard' })

    expect(await actorFromUserId(db, guard.id, 'session', 0)).toBeNull()
    for (const token of tokens) expect(await resolveApiToken(db, token.token)).toBeNull()
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: guard.id } })
    expect(audit).toMatchObject({ action: 'user.disabled', actorLabel: 'admin@example.test', ip: '192.0.2.1' })
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({
      before: { role: 'guard', disabled: false },
      after: { role: 'guard', disabled: true },
      tokensRevoked: 2,
    })

    // Enabling again does not bring old sessions or tokens back.
    await updateUserAccess(db, BY, guard.id, { disabled: false })
    expect(await actorFromUserId(db, guard.id, 'session', 0)).toBeNull()
    expect(await actorFromUserId(db, guard.id, 'session', 2)).not.toBeNull()
    for (const token of tokens) expect(await resolveApiToken(db, token.token)).toBeNull()
  })

  it('a role change ends sessions and revokes tokens too; sending the current values changes nothing', async () => {
    const manager = await createUser('manager')
    const token = await createApiToken(db, manager.id, 'reports')
    await updateUserAccess(db, BY, manager.id, { role: 'manager', disabled: false })
    expect(await resolveApiToken(db, token.token)).not.toBeNull()

    const item = await updateUserAccess(db, BY, manager.id, { role: 'guard' })
    expect(item.role).toBe('guard')
    expect(await resolveApiToken(db, token.token)).toBeNull()
    expect(await actorFromUserId(db, manager.id, 'session', 0)).toBeNull()
    const actions = (await db.auditLog.findMany({ where: { targetId: manager.id } })).map((a) => a.action)
    expect(actions).toEqual(['user.role_changed'])
  })

  it('refuses to disable or demote the last active admin, and allows it once another admin exists', async () => {
    await db.user.updateMany({ where: { role: 'admin' }, data: { disabledAt: new Date() } })
    const only = await createUser('admin')
    await expect(updateUserAccess(db, BY, only.id, { disabled: true })).rejects.toMatchObject({ status: 409 })
    await expect(updateUserAccess(db, BY, only.id, { role: 'guard' })).rejects.toThrow(/last active admin/)
    expect(await db.user.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({
      role: 'admin',
      disabledAt: null,
    })

    await createUser('admin')
    expect((await updateUserAccess(db, BY, only.id, { role: 'manager' })).role).toBe('manager')
  })

  it('changes nothing when the audit row cannot be written: the user stays enabled and keeps their tokens', async () => {
    const guard = await createUser('guard')
    const token = await createApiToken(db, guard.id, 'door panel')
    const restore = await failInsertsInto(db, provider, 'AuditLog')
    try {
      await expect(updateUserAccess(db, BY, guard.id, { disabled: true })).rejects.toThrow()
    } finally {
      await restore()
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: guard.id } })).toMatchObject({
      disabledAt: null,
      sessionVersion: 0,
    })
    expect(await resolveApiToken(db, token.token)).not.toBeNull()
    await updateUserAccess(db, BY, guard.id, { disabled: true })
    expect(await resolveApiToken(db, token.token)).toBeNull()
  })

  it('rejects an empty or unknown change with a clear error', async () => {
    const guard = await createUser('guard')
    await expect(updateUserAccess(db, BY, guard.id, {})).rejects.toThrow(/role, disabled or both/)
    await expect(updateUserAccess(db, BY, guard.id, { role: 'janitor' as Role })).rejects.toThrow()
    await expect(updateUserAccess(db, BY, 'no-such-user', { disabled: true })).rejects.toMatchObject({ status: 404 })
  })
})
