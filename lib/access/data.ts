// Access history reads: filters on occurredAt, method, device, resident, result; newest first; keyset cursor.
import { accessEventInclude, toAccessEventItem } from '@/lib/access/access-item'
import type { AccessQuery } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import { beforeCursor, decodeCursor, pageOf } from '@/lib/http/cursor'

export function accessWhere(query: Omit<AccessQuery, 'limit' | 'cursor'>) {
  return {
    ...(query.method ? { method: query.method } : {}),
    ...(query.result ? { result: query.result } : {}),
    ...(query.deviceId ? { deviceId: query.deviceId } : {}),
    ...(query.residentId ? { residentId: query.residentId } : {}),
    ...(query.from || query.to
      ? { occurredAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } }
      : {}),
  }
}

export async function listAccessEvents(db: Db, query: AccessQuery) {
  const cursor = decodeCursor(query.cursor)
  const rows = await db.accessEvent.findMany({
    where: { AND: [accessWhere(query), beforeCursor('occurredAt', cursor)] },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: accessEventInclude,
  })
  const page = pageOf(rows, query.limit, (r) => r.occurredAt)
  return { items: page.items.map(toAccessEventItem), nextCursor: page.nextCursor }
}
