import { z } from 'zod'
import type { Db } from '@/lib/db/client'
import { beforeCursor, decodeCursor, limitSchema, pageOf } from '@/lib/http/cursor'

export const auditQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  action: z.string().max(80).optional(),
  actorId: z.string().optional(),
})

export type AuditItem = {
  id: string
  at: string
  actor: string
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  ip: string | null
  userAgent: string | null
  details: unknown
}

export async function listAudit(db: Db, query: z.infer<typeof auditQuerySchema>) {
  const cursor = decodeCursor(query.cursor)
  const rows = await db.auditLog.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...beforeCursor('at', cursor),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  })
  const page = pageOf(rows, query.limit, (r) => r.at)
  return {
    items: page.items.map((r): AuditItem => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      actorId: r.actorId,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      ip: r.ip,
      userAgent: r.userAgent,
      details: r.details ? JSON.parse(r.details) : null,
    })),
    nextCursor: page.nextCursor,
  }
}
