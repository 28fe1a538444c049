import type { Db } from '@/lib/db/client'
import type { UserItem } from '@/lib/users/schema'
import { userItemOf } from '@/lib/users/user-item'

export async function listUsers(db: Db): Promise<UserItem[]> {
  const users = await db.user.findMany({ orderBy: { email: 'asc' } })
  return users.map(userItemOf)
}

export async function findUserByEmail(db: Db, email: string) {
  const normalised = email.trim().toLowerCase()
  return normalised ? db.user.findUnique({ where: { email: normalised } }) : null
}
