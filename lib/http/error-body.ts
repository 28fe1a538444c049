// The error body every `/api` route answers with on failure (lib/http/error-response.ts writes it).
import { z } from 'zod'

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
