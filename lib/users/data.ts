import { ROLES, storedValue } from '@/lib/domain/enums'
import type { Db } from '@/lib/db/client'
import type { UserItem } from '@/lib/users/schema'

export async function listUsers(db: Db): Promise<UserItem[]> {
  const users = await db.user.findMany({ orderBy: { email: 'asc' } })
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: storedValue(ROLES, u.role, 'User.role'),
    disabled: u.disabledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }))
}
