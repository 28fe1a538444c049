// Operators and their API tokens: what an admin may send, and what the API and UI show (never a hash).
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy'
import { roleSchema } from '@/lib/domain/enums'
import { isoTimeOrNull, isoTimeSchema, pageSchema } from '@/lib/http/page'

export const createUserSchema = z.object({
  email: z.email('must be an email address').transform((e) => e.trim().toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
  role: roleSchema,
  name: z.string().trim().min(1).max(100).optional(),
})
export type CreateUserInput = z.input<typeof createUserSchema>

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'give the token a name').max(80),
  /** Default 90 (lib/auth/api-tokens.ts DEFAULT_TOKEN_DAYS); at most ten years. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})
export type CreateTokenInput = z.input<typeof createTokenSchema>

export const userItemSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  lastLoginAt: isoTimeOrNull,
  createdAt: isoTimeSchema,
})
export type UserItem = z.infer<typeof userItemSchema>
export const userPageSchema = pageSchema(userItemSchema)

/** What POST /api/users answers. */
export const createdUserSchema = userItemSchema.pick({ id: true, email: true, name: true, role: true })
export type CreatedUser = z.infer<typeof createdUserSchema>

export const apiTokenItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, so an operator can tell tokens apart. */
  prefix: z.string(),
  userEmail: z.string(),
  createdAt: isoTimeSchema,
  lastUsedAt: isoTimeOrNull,
  expiresAt: isoTimeOrNull,
  revokedAt: isoTimeOrNull,
})
export type ApiTokenItem = z.infer<typeof apiTokenItemSchema>
export const apiTokenPageSchema = pageSchema(apiTokenItemSchema)

/** What POST /api/tokens answers: the plain token, shown this once. */
export const createdTokenSchema = z.object({
  id: z.string(),
  token: z.string(),
  prefix: z.string(),
  name: z.string(),
  userEmail: z.string(),
})
export type CreatedToken = z.infer<typeof createdTokenSchema>

export const revokedTokenSchema = z.object({ id: z.string(), revoked: z.literal(true) })

/** GET /api/me: who the caller is. */
export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  via: z.enum(['session', 'token']),
})
export type Me = z.infer<typeof meSchema>

/** PATCH /api/users/{id}: what an admin may change about an account. */
export const updateUserSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, {
    message: 'send role, disabled or both',
    params: because('nothing_to_change'),
  })
export type UpdateUserInput = z.input<typeof updateUserSchema>

/** The answer to a language change. */
export const localeChoiceSchema = z.object({ locale: z.string() })
