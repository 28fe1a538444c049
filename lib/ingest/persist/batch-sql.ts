// Raw SQL for the ingest hot path. Prisma's query compiler costs ~1 ms of CPU per model query on this machine
// class (bench/ingest.ts); these few parameterised statements (the same text on SQLite and PostgreSQL: quoted
// identifiers, provider-specific placeholders filled in by Prisma) carry a whole batch instead. Values go through
// the driver adapter exactly as model writes do (Dates → ISO-8601 on SQLite, booleans → 0/1).
import { joinSql, sql, type Sql, type Tx } from '@/lib/db/client'
import type { AccessRow, CachedDevice, InboundRow } from '@/lib/ingest/persist/ingest-context'

/** SQLite returns integers as BigInt (the adapter enables safe integers) and dates as text. */
const toDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value))

const values = (rows: unknown[][]): Sql => joinSql(rows.map((row) => sql`(${joinSql(row)})`))

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

// Multi-row INSERTs, chunked to stay under SQLite's bound-parameter limit.
const CHUNK = 60

async function insertChunked<T>(tx: Tx, rows: T[], statement: (chunk: T[]) => Sql) {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.$executeRaw(statement(rows.slice(i, i + CHUNK)))
}

export function insertInbound(tx: Tx, rows: InboundRow[]) {
  return insertChunked(
    tx,
    rows,
    (chunk) =>
      sql`INSERT INTO "InboundMessage" ("id", "source", "sourceMessageId", "shape", "deviceTuyaId", "payload", "receivedAt", "outcome", "reason") VALUES ${values(
        chunk.map((r) => [
          r.id,
          r.source,
          r.sourceMessageId,
          r.shape,
          r.deviceTuyaId,
          r.payload,
          r.receivedAt,
          r.outcome,
          r.reason,
        ]),
      )}`,
  )
}

export function insertSnapshots(tx: Tx, rows: { id: string; source: string }[], now: Date) {
  return insertChunked(
    tx,
    rows,
    (chunk) =>
      sql`INSERT INTO "Snapshot" ("id", "source", "state", "attempts", "createdAt") VALUES ${values(chunk.map((r) => [r.id, r.source, 'pending', 0, now]))}`,
  )
}

export function insertAccessEvents(tx: Tx, rows: AccessRow[]) {
  return insertChunked(
    tx,
    rows,
    (chunk) =>
      sql`INSERT INTO "AccessEvent" ("id", "messageId", "deviceId", "deviceTuyaId", "occurredAt", "receivedAt", "method", "result", "residentId", "residentName", "externalUserId", "credentialSlot", "sourceCode", "snapshotId", "backfilled") VALUES ${values(
        chunk.map((r) => [
          r.id,
          r.messageId,
          r.deviceId,
          r.deviceTuyaId,
          r.occurredAt,
          r.receivedAt,
          r.method,
          r.result,
          r.residentId,
          r.residentName,
          r.externalUserId,
          r.credentialSlot,
          r.sourceCode,
          r.snapshotId,
          r.backfilled,
        ]),
      )}`,
  )
}

/** Appends to the live-event outbox; one multi-row INSERT assigns increasing seqs in row order. */
export async function insertLiveEvents(
  tx: Tx,
  rows: { event: string; payload: string }[],
  now: Date,
): Promise<number[]> {
  const seqs: number[] = []
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const returned = await tx.$queryRaw<{ seq: bigint | number }[]>(
      sql`INSERT INTO "LiveEvent" ("event", "payload", "createdAt") VALUES ${values(chunk.map((r) => [r.event, r.payload, now]))} RETURNING "seq"`,
    )
    seqs.push(...returned.map((r) => Number(r.seq)).sort((a, b) => a - b))
  }
  return seqs
}
