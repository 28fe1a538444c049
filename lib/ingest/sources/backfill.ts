// Reconciliation after downtime: access logs since the last run are read from the OpenAPI and fed
// through the same ingest function, flagged as backfilled (history only: no ring, no popup). Log entries carry
// the same ids as the live messages (record_id = dataId / vendor recordId), so events seen live are skipped.
import type { Db } from '@/lib/db/client'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { ingestWriterFor } from '@/lib/ingest/ingest-writer'
import { normaliseOpenApiLog, type OpenApiLogKind } from '@/lib/ingest/normalise/normalise-openapi-log'
import type { NormalisedMessage } from '@/lib/ingest/normalise/normalised'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

/** How far back the very first backfill of a device looks. */
export const FIRST_BACKFILL_WINDOW_MS = 60 * 60_000
/** Re-read a little before the watermark: clocks and late log writes. Duplicates are dropped by id. */
const OVERLAP_MS = 2 * 60_000

type BackfillClient = Pick<TuyaClient, 'iterateLockRecords' | 'iterateAccessControlLogs'>

const watermarkKey = (tuyaId: string) => `backfill:${tuyaId}`

export async function backfillDevice(
  db: Db,
  client: BackfillClient,
  device: { tuyaId: string; category: string },
  now = new Date(),
) {
  const mark = await db.keyValue.findUnique({ where: { key: watermarkKey(device.tuyaId) } })
  const since = mark ? new Date(mark.value).getTime() - OVERLAP_MS : now.getTime() - FIRST_BACKFILL_WINDOW_MS
  const range = { startTime: since, endTime: now.getTime() }
  const kind: OpenApiLogKind = device.category === 'smart_lock' ? 'lock_record' : 'access_control_log'
  const entries =
    kind === 'lock_record'
      ? client.iterateLockRecords({ deviceId: device.tuyaId, ...range })
      : client.iterateAccessControlLogs({ deviceIds: [device.tuyaId], ...range })
  const replay: { entry: unknown; receivedAt: Date; normalised: NormalisedMessage }[] = []
  for await (const entry of entries as AsyncIterable<unknown>) {
    const receivedAt = new Date()
    replay.push({
      entry,
      receivedAt,
      normalised: normaliseOpenApiLog(kind, entry, { deviceId: device.tuyaId, receivedAt }),
    })
  }
  // The logs list newest first; replay them in the order they happened, as the live path saw them (otherwise an
  // opening from before a ring would "open the door during" that call).
  replay.reverse().sort((a, b) => a.normalised.occurredAt.getTime() - b.normalised.occurredAt.getTime())
  let stored = 0
  const writer = ingestWriterFor(db)
  for (const { entry, receivedAt, normalised } of replay) {
    // Backfill waits for room rather than being refused (a refusal would fail the whole device run).
    while (writer.isFull()) await writer.whenDrained()
    const result = await ingestMessage(db, {
      source: 'backfill',
      payload: entry,
      raw: JSON.stringify(entry),
      receivedAt,
      normalised,
    })
    if (!result.duplicate) stored++
  }
  const seen = replay.length
  await db.keyValue.upsert({
    where: { key: watermarkKey(device.tuyaId) },
    create: { key: watermarkKey(device.tuyaId), value: now.toISOString() },
    update: { value: now.toISOString() },
  })
  return { seen, stored }
}

/** Every access-capable device; a failure on one device does not stop the others. */
export async function backfillAll(db: Db, client: BackfillClient, now = new Date()) {
  const devices = await db.device.findMany({
    where: { category: { in: ['smart_lock', 'face_terminal', 'door_station'] } },
    select: { tuyaId: true, category: true },
  })
  let stored = 0
  const failures: string[] = []
  for (const device of devices) {
    try {
      stored += (await backfillDevice(db, client, device, now)).stored
    } catch (error) {
      failures.push(`${device.tuyaId}: ${(error as Error).message}`)
    }
  }
  return { devices: devices.length, stored, failures }
}
