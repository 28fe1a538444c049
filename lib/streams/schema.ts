// The live view as the browser receives it: a link to the proxied playlist on our own origin and its expiry.
import { z } from 'zod'
import { isoTimeSchema } from '@/lib/http/page'

export const callStreamSchema = z.object({
  /** `/api/streams/{token}`: the playlist, through our proxy. */
  url: z.string().startsWith('/api/streams/'),
  expiresAt: isoTimeSchema,
})
export type CallStream = z.infer<typeof callStreamSchema>
