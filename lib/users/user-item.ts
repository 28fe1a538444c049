// Stored user → its wire item (never the password hash).
import { ROLES, storedValue } from '@/lib/domain/enums'
import type { UserItem } from '@/lib/users/schema'

type UserRow = {
  id: string
  email: string
  name: string
  role: string
  disabledAt: Date | null
  lastLoginAt: Date | null
  createdAt: Date
}

export function userItemOf(user: UserRow): UserItem {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: storedValue(ROLES, user.role, 'User.role'),
    disabled: user.disabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  }
}
