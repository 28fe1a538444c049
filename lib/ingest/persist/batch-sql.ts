// Raw SQL for the ingest hot path. Prisma's query compiler costs ~1 ms of CPU per model query on this machine
// class (bench/ingest.ts); these few parameterised statements (the same text on SQLite and PostgreSQL: quoted
// identifiers, provider-specific placeholders filled in by Prisma) carry a whole batch instead. Values go through
// the driver adapter exactly as model writes do (Dates → ISO-8601 on SQLite, booleans → 0/1). The INSERTs are built
// from the column lists in batch-tables.ts.
import { joinSql, sql, sqlOf, type Sql, type Tx } from '@/lib/db/client'
import {
  ACCESS_TABLE,
  INBOUND_TABLE,
  LIVE_EVENT_TABLE,
  SNAPSHOT_TABLE,
  type BatchTable,
} from '@/lib/ingest/persist/batch-tables'
import type { CachedDevice } from '@/lib/ingest/persist/ingest-context'

/** SQLite returns integers as BigInt (the adapter enables safe integers) and dates as text. */
const toDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value))

/**
 * Everything a batch reads before it writes, in ONE round trip: already-stored messages, the devices named,
 * residents by person id, and which of those devices have a live call. (Credential slots: selectSlots.)
 */
export async function selectBatchState(
  tx: Tx,
  input: { sourceIds: string[]; tuyaIds: string[]; externalIds: string[] },
) {
  const none = [''] // IN () is invalid SQL; '' matches no id
  const ids = (list: string[]) => joinSql(list.length ? list : none)
  const rows = await tx.$queryRaw<{ k: string; a: string; b: string | null; c: string | null; d: unknown }[]>(sql`
    SELECT 'm' AS "k", "id" AS "a", "sourceMessageId" AS "b", "outcome" AS "c", NULL AS "d" FROM "InboundMessage" WHERE "sourceMessageId" IN (${ids(input.sourceIds)})
    UNION ALL SELECT 'd', "id", "tuyaId", "name", CAST("lastSeenAt" AS TEXT) FROM "Device" WHERE "tuyaId" IN (${ids(input.tuyaIds)})
    UNION ALL SELECT 'r', "id", "externalId", "name", NULL FROM "Resident" WHERE "externalId" IN (${ids(input.externalIds)})
    UNION ALL SELECT DISTINCT 'c', c."deviceId", NULL, NULL, NULL FROM "Call" c JOIN "Device" d ON d."id" = c."deviceId"
      WHERE d."tuyaId" IN (${ids(input.tuyaIds)}) AND c."endedAt" IS NULL AND c."state" IN ('ringing', 'answered')`)
  return {
    stored: rows.filter((r) => r.k === 'm').map((r) => ({ id: r.a, sourceMessageId: r.b!, outcome: r.c! })),
    devices: rows
      .filter((r) => r.k === 'd')
      .map((r): CachedDevice => ({ id: r.a, tuyaId: r.b!, name: r.c!, lastSeenAt: toDate(r.d) })),
    residents: rows.filter((r) => r.k === 'r').map((r) => ({ id: r.a, externalId: r.b!, name: r.c! })),
    liveCallDevices: rows.filter((r) => r.k === 'c').map((r) => r.a),
  }
}

export async function selectSlots(tx: Tx, deviceIds: string[]) {
  if (!deviceIds.length) return []
  return tx.$queryRaw<{ deviceId: string; method: string; slot: string; id: string; name: string }[]>(
    sql`SELECT s."deviceId", s."method", s."slot", r."id", r."name" FROM "CredentialSlot" s JOIN "Resident" r ON r."id" = s."residentId" WHERE s."deviceId" IN (${joinSql(deviceIds)})`,
  )
}

/** Bound parameters per statement: under SQLite's historical limit of 999 (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 900
/** Rows per statement at most (payloads may be large: this bounds one statement's size). */
const MAX_ROWS = 60

/**
 * A multi-row INSERT for one table. Its text depends only on the row count, so the pieces between the values are
 * built once per count and reused; each call only lays the rows' values out, in column order (absent → NULL).
 */
function multiRowInsert<Row>(table: BatchTable<Row>, returning = '') {
  const columns = table.columns
  const head = `INSERT INTO "${table.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (`
  const piecesByCount = new Map<number, string[]>()
  const piecesFor = (count: number) => {
    let pieces = piecesByCount.get(count)
    if (!pieces) {
      pieces = [head]
      for (let r = 0; r < count; r++) {
        for (let c = 1; c < columns.length; c++) pieces.push(', ')
        pieces.push(r === count - 1 ? `)${returning}` : '), (')
      }
      piecesByCount.set(count, pieces)
    }
    return pieces
  }
  return {
    rowsPerStatement: Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length))),
    statement(rows: readonly Row[]): Sql {
      const values: unknown[] = []
      for (const row of rows) for (const column of columns) values.push(row[column] ?? null)
      return sqlOf(piecesFor(rows.length), values)
    },
  }
}

function chunksOf<T>(rows: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size))
  return chunks
}

function insertAll<Row>(table: BatchTable<Row>) {
  const insert = multiRowInsert(table)
  return async (tx: Tx, rows: readonly Row[]) => {
    for (const chunk of chunksOf(rows, insert.rowsPerStatement)) await tx.$executeRaw(insert.statement(chunk))
  }
}

export const insertInbound = insertAll(INBOUND_TABLE)
export const insertSnapshots = insertAll(SNAPSHOT_TABLE)
export const insertAccessEvents = insertAll(ACCESS_TABLE)

const liveEventInsert = multiRowInsert(LIVE_EVENT_TABLE, ' RETURNING "seq"')

/** Appends to the live-event outbox; one multi-row INSERT assigns increasing seqs in row order. */
export async function insertLiveEvents(tx: Tx, rows: readonly { event: string; payload: string }[], now: Date) {
  const seqs: number[] = []
  for (const chunk of chunksOf(rows, liveEventInsert.rowsPerStatement)) {
    const statement = liveEventInsert.statement(chunk.map((r) => ({ ...r, createdAt: now })))
    const returned = await tx.$queryRaw<{ seq: bigint | number }[]>(statement)
    seqs.push(...returned.map((r) => Number(r.seq)).sort((a, b) => a - b))
  }
  return seqs
}
