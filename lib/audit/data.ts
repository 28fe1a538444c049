// Audit trail reads: filters on who, what, when and on which object; newest first; keyset cursor. The list returns
// one page; the export reads every matching row in batches.
import type { AuditFilter, AuditItem, AuditQuery } from '@/lib/audit/schema'
import type { Db } from '@/lib/db/client'
import { invalidField } from '@/lib/errors'
import { beforeCursor, decodeCursor, pageOf, type Cursor } from '@/lib/http/cursor'

export function auditWhere(filter: AuditFilter) {
  if (filter.from && filter.to && filter.from > filter.to)
    throw invalidField('from: must not be after to', { path: 'from', reason: 'range_order' })
  const where: Record<string, unknown>[] = []
  if (filter.user) where.push({ OR: [{ actorId: filter.user }, { actorLabel: filter.user }] })
  if (filter.action)
    where.push(
      filter.action.endsWith('*') ? { action: { startsWith: filter.action.slice(0, -1) } } : { action: filter.action },
    )
  if (filter.from || filter.to)
    where.push({ at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } })
  if (filter.object) {
    const colon = filter.object.indexOf(':')
    if (colon === -1) where.push({ targetId: filter.object })
    else {
      const type = filter.object.slice(0, colon)
      const id = filter.object.slice(colon + 1)
      where.push({ targetType: type, ...(id ? { targetId: id } : {}) })
    }
  }
  return where
}

type AuditRow = Awaited<ReturnType<Db['auditLog']['findMany']>>[number]

function parseDetails(details: string | null): unknown {
  if (!details) return null
  try {
    return JSON.parse(details)
  } catch {
    return details
  }
}

export function toAuditItem(r: AuditRow): AuditItem {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    actorId: r.actorId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    userAgent: r.userAgent,
    details: parseDetails(r.details),
  }
}

function findAfterCursor(db: Db, filter: AuditFilter, cursor: Cursor | null, take: number) {
  return db.auditLog.findMany({
    where: { AND: [...auditWhere(filter), beforeCursor('at', cursor)] },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take,
  })
}

export async function listAudit(db: Db, query: AuditQuery) {
  const rows = await findAfterCursor(db, query, decodeCursor(query.cursor), query.limit + 1)
  const page = pageOf(rows, query.limit, (r) => r.at)
  return { items: page.items.map(toAuditItem), nextCursor: page.nextCursor }
}

/** Every matching row, newest first, in keyset-paged batches (flat memory at any size). */
export async function* readAuditBatches(
  db: Db,
  filter: AuditFilter,
  { batchSize, maxRows }: { batchSize: number; maxRows: number },
): AsyncGenerator<AuditItem[]> {
  let cursor: Cursor | null = null
  let read = 0
  while (read < maxRows) {
    const rows = await findAfterCursor(db, filter, cursor, Math.min(batchSize, maxRows - read))
    if (rows.length === 0) return
    read += rows.length
    yield rows.map(toAuditItem)
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]
    cursor = { at: last.at, id: last.id }
  }
}
