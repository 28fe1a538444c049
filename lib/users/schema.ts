import { z } from 'zod'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password'
import { roleSchema } from '@/lib/domain/enums'

export const createUserSchema = z.object({
  email: z.email('must be an email address').transform((e) => e.trim().toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
  role: roleSchema,
  name: z.string().trim().min(1).max(100).optional(),
})
export type CreateUserInput = z.input<typeof createUserSchema>

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'give the token a name').max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})

/** What the API and UI show of a user: never the hash. */
export type UserItem = {
  id: string
  email: string
  name: string
  role: string
  disabled: boolean
  lastLoginAt: string | null
  createdAt: string
}
