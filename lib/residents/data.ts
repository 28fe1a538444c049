// Resident register reads: who lives where, which credentials they hold (counts only), and whether every device
// has them. The list is alphabetical, case-insensitive, paged by keyset on (lower(name), id): a page boundary
// never skips or repeats a resident, whatever is added or renamed meanwhile.
import { emptySql, joinSql, sql, type Db, type Sql } from '@/lib/db/client'
import { badRequest } from '@/lib/errors'
import { loadResidentDetail, loadResidentItems } from '@/lib/residents/resident-item'
import type { ResidentDetail, ResidentItem, ResidentQuery } from '@/lib/residents/schema'
import type { Page } from '@/lib/http/page'

type NameCursor = { name: string; id: string }

function encodeNameCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url')
}

function decodeNameCursor(cursor: string | undefined): NameCursor | null {
  if (!cursor) return null
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      return { name: parsed[0], id: parsed[1] }
    }
  } catch {
    // falls through to the 400 below
  }
  throw badRequest('cursor: not a cursor returned by this API')
}

/** `%text%` for LIKE, with the text's own wildcards and the escape character taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export async function listResidents(db: Db, query: ResidentQuery): Promise<Page<ResidentItem>> {
  const after = decodeNameCursor(query.cursor)
  const conditions: Sql[] = [query.status ? sql`"status" = ${query.status}` : sql`"status" <> 'erased'`]
  if (query.unitId) conditions.push(sql`"unitId" = ${query.unitId}`)
  // lower() on both sides: the same function folds the name and the search text, on either database.
  if (query.q) conditions.push(sql`lower("name") LIKE lower(${containsPattern(query.q)}) ESCAPE '\\'`)
  if (after) {
    conditions.push(
      sql`(lower("name") > lower(${after.name}) OR (lower("name") = lower(${after.name}) AND "id" > ${after.id}))`,
    )
  }
  const rows = await db.$queryRaw<{ id: string; name: string }[]>(sql`
    SELECT "id", "name" FROM "Resident"
    WHERE ${conditions.length ? joinSql(conditions, ' AND ') : emptySql}
    ORDER BY lower("name") ASC, "id" ASC
    LIMIT ${query.limit + 1}`)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: await loadResidentItems(
      db,
      page.map((r) => r.id),
    ),
    nextCursor: rows.length > query.limit && last ? encodeNameCursor(last.name, last.id) : null,
  }
}

export async function getResident(db: Db, residentId: string): Promise<ResidentDetail> {
  return loadResidentDetail(db, residentId)
}
