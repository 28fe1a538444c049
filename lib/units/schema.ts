// Units (flats, offices) as the API shows them, and what an admin sends to add one.
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { pageSchema } from '@/lib/http/page'

const noSlash = (field: string) => ({
  message: `${field}: no "/" (the import writes units as building/label)`,
  params: because('no_slash'),
})

export const createUnitSchema = z
  .object({
    /** The building's name: an existing one, or a new building of the site. */
    building: z
      .string({ error: 'building is required' })
      .trim()
      .min(1, 'building is required')
      .max(100, 'building: at most 100 characters')
      .refine((v) => !v.includes('/'), noSlash('building')),
    label: z
      .string({ error: 'label is required' })
      .trim()
      .min(1, 'label is required')
      .max(40, 'label: at most 40 characters')
      .refine((v) => !v.includes('/'), noSlash('label')),
    floor: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      z.string().trim().max(20, 'floor: at most 20 characters').nullable().optional(),
    ),
  })
  .strict()
export type CreateUnitInput = z.input<typeof createUnitSchema>

export const unitItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  floor: z.string().nullable(),
  buildingId: z.string(),
  building: z.string(),
  /** Residents living there now (the erased not counted). */
  residents: z.number().int(),
})
export type UnitItem = z.infer<typeof unitItemSchema>
export const unitPageSchema = pageSchema(unitItemSchema)
