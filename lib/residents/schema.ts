// The resident register as the API shows it, what an admin may send to change it, and its filters. The field
// validators are shared by the JSON API and the CSV import, so both refuse the same values with the same words.
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { residentKindSchema, residentStatusSchema } from '@/lib/domain/enums'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeOrNull, isoTimeSchema, pageSchema } from '@/lib/http/page'

// ── Field validators ──────────────────────────────────────────────────────────

export const NAME_MAX = 100
export const NOTES_MAX = 1000
export const EMAIL_MAX = 254

/** An empty or blank text means "none": forms send '' for a cleared field, CSV cells are '' when left empty. */
const blankAsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value)

export const residentNameSchema = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name is required')
  .max(NAME_MAX, `name: at most ${NAME_MAX} characters`)

/** Digits with the usual separators and an optional leading +; 5 to 15 digits (E.164 allows at most 15). */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]*$/, 'phone: digits, spaces, ( ) - . and an optional leading +')
  .refine(
    (v) => {
      const digits = v.replace(/\D/g, '').length
      return digits >= 5 && digits <= 15
    },
    { message: 'phone: between 5 and 15 digits', params: because('phone_digits') },
  )

export const emailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX, `email: at most ${EMAIL_MAX} characters`)
  .pipe(z.email('email: not an email address'))

export const notesSchema = z.string().trim().max(NOTES_MAX, `notes: at most ${NOTES_MAX} characters`)

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A validity bound: an ISO-8601 time, or a calendar date (UTC). A date alone means the start of that day for
 * `validFrom` and its end for `validUntil`, so "valid until 2027-06-30" includes the 30th.
 */
export function validityBound(field: 'validFrom' | 'validUntil') {
  return z.string().transform((value, ctx) => {
    const text = value.trim()
    const dateOnly = DATE_ONLY.test(text)
    const at = new Date(dateOnly ? `${text}T00:00:00.000Z` : text)
    const valid = !Number.isNaN(at.getTime()) && /^\d{4}-\d{2}-\d{2}/.test(text)
    // A date that exists: 2026-02-30 would otherwise roll over into March.
    if (!valid || (dateOnly && at.toISOString().slice(0, 10) !== text)) {
      ctx.addIssue({
        code: 'custom',
        message: `${field}: a date (YYYY-MM-DD) or an ISO-8601 time`,
        params: because('invalid_date'),
      })
      return z.NEVER
    }
    if (dateOnly && field === 'validUntil') return new Date(at.getTime() + 86_400_000 - 1)
    return at
  })
}

const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsNull, schema.nullable()).optional()

/** Both bounds set and not in order: the message every validity check uses. */
export const VALIDITY_ORDER_MESSAGE = 'validUntil: must be after validFrom'
const NOTHING_TO_CHANGE = { message: 'send at least one field to change', params: because('nothing_to_change') }
export const validityInOrder = (from: Date | null | undefined, until: Date | null | undefined) =>
  !from || !until || from.getTime() < until.getTime()

// ── Requests ──────────────────────────────────────────────────────────────────

const residentFields = {
  name: residentNameSchema,
  unitId: optionalText(z.string().max(64)),
  kind: residentKindSchema.optional(),
  phone: optionalText(phoneSchema),
  email: optionalText(emailSchema),
  notes: optionalText(notesSchema),
  validFrom: optionalText(validityBound('validFrom')),
  validUntil: optionalText(validityBound('validUntil')),
}

export const createResidentSchema = z
  .object(residentFields)
  .strict()
  .refine((v) => validityInOrder(v.validFrom, v.validUntil), {
    message: VALIDITY_ORDER_MESSAGE,
    path: ['validUntil'],
    params: because('validity_order'),
  })
export type CreateResidentInput = z.input<typeof createResidentSchema>
export type CreateResident = z.output<typeof createResidentSchema>

/** PATCH: the version the editor read, and the fields to change. Erasure is DELETE, not a status. */
export const updateResidentSchema = z
  .object({
    version: z.number({ error: 'version: the version you read is required' }).int().min(1),
    ...residentFields,
    name: residentNameSchema.optional(),
    status: z.enum(['active', 'suspended'], { error: 'status: active or suspended (erase with DELETE)' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), NOTHING_TO_CHANGE)
export type UpdateResidentInput = z.input<typeof updateResidentSchema>
export type UpdateResident = z.output<typeof updateResidentSchema>

const idList = (field: string) =>
  z
    .array(z.string().min(1).max(64), { error: `${field}: a list of ids` })
    .max(500, `${field}: at most 500`)
    .transform((ids) => [...new Set(ids)])

/** PUT /api/residents/{id}/devices: each list given replaces that kind of grant; a list left out stays as it is. */
export const residentGrantsSchema = z
  .object({ deviceIds: idList('deviceIds').optional(), groupIds: idList('groupIds').optional() })
  .strict()
  .refine((v) => v.deviceIds !== undefined || v.groupIds !== undefined, {
    message: 'send deviceIds, groupIds or both',
    params: because('nothing_to_change'),
  })
export type ResidentGrantsInput = z.input<typeof residentGrantsSchema>

export const residentQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  /** Part of the name, any case. */
  q: z.string().trim().max(100).optional(),
  unitId: z.string().min(1).max(64).optional(),
  /** Without it, every resident but the erased tombstones. */
  status: residentStatusSchema.optional(),
})
export type ResidentQuery = z.infer<typeof residentQuerySchema>

// ── Answers ───────────────────────────────────────────────────────────────────

const countsOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>)

/** One resident as the register, the live stream (`resident.updated`) and every reader show it. */
export const residentItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unit: z.string().nullable(),
  building: z.string().nullable(),
  kind: residentKindSchema,
  status: residentStatusSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  /** The Tuya person id this resident has on every device. */
  externalId: z.string(),
  validFrom: isoTimeOrNull,
  validUntil: isoTimeOrNull,
  /** Send it back with an edit: a stale one is refused (409 version_conflict). */
  version: z.number().int(),
  /** Credentials held, by kind: counts only (never a card number or a PIN). */
  credentials: countsOf(['face', 'card', 'pin'] as const),
  /** Devices by push state of this resident's credentials. */
  sync: countsOf(['pending', 'synced', 'failed'] as const),
  erasedAt: isoTimeOrNull,
  updatedAt: isoTimeSchema,
})
export type ResidentItem = z.infer<typeof residentItemSchema>
export const residentPageSchema = pageSchema(residentItemSchema)

const namedSchema = z.object({ id: z.string(), name: z.string() })

/** GET /api/residents/{id}: the item and the doors it may open, directly and through groups. */
export const residentDetailSchema = residentItemSchema.extend({
  createdAt: isoTimeSchema,
  access: z.object({ devices: z.array(namedSchema), groups: z.array(namedSchema) }),
})
export type ResidentDetail = z.infer<typeof residentDetailSchema>

// ── CSV import ────────────────────────────────────────────────────────────────

/** One finding about the file: its row (the header is row 1), the column, and what is wrong. */
export const importIssueSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() })
export type ImportIssue = z.infer<typeof importIssueSchema>

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  /** No errors: the file can be (or was) imported. */
  valid: z.boolean(),
  /** Data rows read (the header and blank lines not counted). */
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(importIssueSchema),
  /** Imported as written, but worth a look (e.g. a cell a spreadsheet would read as a formula). */
  warnings: z.array(importIssueSchema),
})
export type ImportReport = z.infer<typeof importReportSchema>
