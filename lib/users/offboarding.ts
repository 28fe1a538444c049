// Disabling an account or changing its role takes effect at once, everywhere: the session version is bumped (every
// session signed before ends), every API token is revoked, and open sockets are dropped after commit (and by the
// periodic socket check within seconds, for changes made by the CLI or another instance). The last active admin
// can be neither disabled nor demoted, so the building is never left without anyone who can manage it.
import { userItemOf } from '@/lib/users/user-item'
import type { ChangedBy } from '@/lib/users/mutations'
import { updateUserSchema, type UpdateUserInput, type UserItem } from '@/lib/users/schema'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { conflict, notFound } from '@/lib/errors'
import { disconnectUserSockets } from '@/lib/realtime/revalidate-sockets'

export async function updateUserAccess(
  db: Db,
  by: ChangedBy,
  userId: string,
  input: UpdateUserInput,
): Promise<UserItem> {
  const change = updateUserSchema.parse(input)
  return runChange(db, async ({ tx, audit, afterCommit }) => {
    const user = await tx.user.findUnique({ where: { id: userId } })
    if (!user) throw notFound('User')
    const role = change.role ?? user.role
    const disabled = change.disabled ?? user.disabledAt !== null
    if (role === user.role && disabled === (user.disabledAt !== null)) return userItemOf(user)

    const staysActiveAdmin = role === 'admin' && !disabled
    if (user.role === 'admin' && !user.disabledAt && !staysActiveAdmin) {
      const otherAdmins = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: user.id } } })
      if (otherAdmins === 0)
        throw conflict('This is the last active admin: add or enable another admin first', 'last_admin')
    }

    const now = new Date()
    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        role,
        disabledAt: disabled ? (user.disabledAt ?? now) : null,
        sessionVersion: { increment: 1 },
      },
    })
    const revoked = await tx.apiToken.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    })
    audit({
      ...by,
      action:
        disabled !== (user.disabledAt !== null) ? (disabled ? 'user.disabled' : 'user.enabled') : 'user.role_changed',
      targetType: 'user',
      targetId: user.id,
      details: {
        email: user.email,
        before: { role: user.role, disabled: user.disabledAt !== null },
        after: { role, disabled },
        tokensRevoked: revoked.count,
      },
    })
    afterCommit(() => disconnectUserSockets(user.id))
    return userItemOf(updated)
  })
}
