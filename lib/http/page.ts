// The list envelope every `GET /api/<collection>` answers with: `{items, nextCursor}`, newest first.
import { z } from 'zod'

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}
export type Page<T> = { items: T[]; nextCursor: string | null }

/** Wire times are ISO-8601 UTC strings (`Date#toISOString`). */
export const isoTimeSchema = z.iso.datetime()
export const isoTimeOrNull = isoTimeSchema.nullable()
