import { z } from 'zod'
import { callInclude, toCallItem } from '@/lib/calls/call-item'
import type { Db } from '@/lib/db/client'
import { callStateSchema } from '@/lib/domain/enums'
import { beforeCursor, decodeCursor, limitSchema, pageOf } from '@/lib/http/cursor'

export const callQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  state: callStateSchema.optional(),
  deviceId: z.string().min(1).optional(),
  /** With state=missed: `false` lists the missed calls no guard has marked seen yet. */
  seen: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
})

export async function listCalls(db: Db, query: z.infer<typeof callQuerySchema>) {
  const rows = await db.call.findMany({
    where: {
      AND: [
        { ...(query.state ? { state: query.state } : {}), ...(query.deviceId ? { deviceId: query.deviceId } : {}) },
        query.seen === undefined ? {} : { seenAt: query.seen ? { not: null } : null },
        beforeCursor('startedAt', decodeCursor(query.cursor)),
      ],
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: callInclude,
  })
  const page = pageOf(rows, query.limit, (r) => r.startedAt)
  return { items: page.items.map(toCallItem), nextCursor: page.nextCursor }
}
