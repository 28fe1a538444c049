// The error body every `/api` route answers with on failure (lib/http/error-response.ts writes it).
import { z } from 'zod'

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** `version_conflict` (409) only: the item as it is now, to show beside the edit that was refused. */
    current: z.unknown().optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
