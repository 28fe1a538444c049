// Device groups ("Block A", "All lobbies"): named sets of doors a resident can be granted at once.
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { isoTimeSchema, pageSchema } from '@/lib/http/page'

const groupName = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name is required')
  .max(80, 'name: at most 80 characters')
const description = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.string().trim().max(300, 'description: at most 300 characters').nullable().optional(),
)
const deviceIds = z
  .array(z.string().min(1).max(64), { error: 'deviceIds: a list of device ids' })
  .max(500, 'deviceIds: at most 500')
  .transform((ids) => [...new Set(ids)])

export const createDeviceGroupSchema = z
  .object({ name: groupName, description, deviceIds: deviceIds.default([]) })
  .strict()
export type CreateDeviceGroupInput = z.input<typeof createDeviceGroupSchema>

/** PATCH: the version the editor read, and what to change; `deviceIds` replaces the members. */
export const updateDeviceGroupSchema = z
  .object({
    version: z.number({ error: 'version: the version you read is required' }).int().min(1),
    name: groupName.optional(),
    description,
    deviceIds: deviceIds.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), {
    message: 'send at least one field to change',
    params: because('nothing_to_change'),
  })
export type UpdateDeviceGroupInput = z.input<typeof updateDeviceGroupSchema>

/** DELETE's query: the version the admin saw, if they want a stale delete refused too. */
export const deleteDeviceGroupQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
})

export const deviceGroupItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
  devices: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Residents granted the group. */
  residents: z.number().int(),
  updatedAt: isoTimeSchema,
})
export type DeviceGroupItem = z.infer<typeof deviceGroupItemSchema>
export const deviceGroupPageSchema = pageSchema(deviceGroupItemSchema)

export const deletedDeviceGroupSchema = z.object({ id: z.string(), deleted: z.literal(true) })
