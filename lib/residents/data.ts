// Resident register reads: who lives where, which credentials they hold, and whether every device has them.
import type { Db } from '@/lib/db/client'
import type { ResidentItem, ResidentQuery } from '@/lib/residents/schema'
import { badRequest } from '@/lib/errors'

/** Alphabetical, so the cursor is the last name + id seen. */
function decodeNameCursor(cursor: string | undefined) {
  if (!cursor) return null
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
    return { name, id }
  } catch {
    throw badRequest('cursor: not a cursor returned by this API')
  }
}

export async function listResidents(db: Db, query: ResidentQuery) {
  const after = decodeNameCursor(query.cursor)
  const rows = await db.resident.findMany({
    where: {
      ...(query.q ? { name: { contains: query.q } } : {}),
      ...(after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: query.limit + 1,
    include: {
      unit: { include: { building: { select: { name: true } } } },
      credentials: { where: { revokedAt: null }, select: { kind: true } },
      syncs: { select: { state: true } },
    },
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((r): ResidentItem => ({
      id: r.id,
      name: r.name,
      unit: r.unit?.label ?? null,
      building: r.unit?.building.name ?? null,
      status: r.status,
      validFrom: r.validFrom?.toISOString() ?? null,
      validUntil: r.validUntil?.toISOString() ?? null,
      credentials: {
        face: r.credentials.filter((c) => c.kind === 'face').length,
        card: r.credentials.filter((c) => c.kind === 'card').length,
        pin: r.credentials.filter((c) => c.kind === 'pin').length,
      },
      sync: {
        pending: r.syncs.filter((s) => s.state === 'pending').length,
        synced: r.syncs.filter((s) => s.state === 'synced').length,
        failed: r.syncs.filter((s) => s.state === 'failed').length,
      },
    })),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url')
        : null,
  }
}
