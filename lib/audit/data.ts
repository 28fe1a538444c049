import type { Db } from '@/lib/db/client'
import type { AuditItem, AuditQuery } from '@/lib/audit/schema'
import { beforeCursor, decodeCursor, pageOf } from '@/lib/http/cursor'

export async function listAudit(db: Db, query: AuditQuery) {
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
