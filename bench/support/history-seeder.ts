// Fills a database with a realistic access history (npm run seed:history, and the 1M-row benchmark dataset): 90
// days of entries and refusals with face snapshots, the raw messages of the last week (older ones are what
// retention would have removed), door calls, alarms and an audit trail. The rows of the doors and residents already
// in the database are used when there are some (the demo building); otherwise a synthetic building is created.
// The AccessEvent indexes are dropped during the load and re-created from their own definitions afterwards, so
// run it against a database no server is writing to.
import { migrateDatabase } from '@/lib/db/migrate'
import {
  type AccessRow,
  type Building,
  createBuilding,
  createRandom,
  type DatasetDevice,
  type DatasetResident,
  generateAccessRows,
} from '@/bench/support/access-dataset'
import { type Cell, type HistoryWriter, openHistoryWriter, type Table } from '@/bench/support/history-writer'

const DAY_MS = 86_400_000
/** Raw messages are kept for the last week only (the rest is what retention would have removed). */
const RAW_MESSAGE_DAYS = 7

const T = {
  site: {
    name: 'Site',
    columns: [
      ['id', 'text'],
      ['name', 'text'],
      ['timezone', 'text'],
    ],
  },
  building: {
    name: 'Building',
    columns: [
      ['id', 'text'],
      ['siteId', 'text'],
      ['name', 'text'],
    ],
  },
  unit: {
    name: 'Unit',
    columns: [
      ['id', 'text'],
      ['buildingId', 'text'],
      ['label', 'text'],
      ['floor', 'text'],
    ],
  },
  device: {
    name: 'Device',
    columns: [
      ['id', 'text'],
      ['tuyaId', 'text'],
      ['name', 'text'],
      ['category', 'text'],
      ['online', 'boolean'],
      ['buildingId', 'text'],
      ['createdAt', 'timestamp'],
      ['updatedAt', 'timestamp'],
    ],
  },
  resident: {
    name: 'Resident',
    columns: [
      ['id', 'text'],
      ['name', 'text'],
      ['externalId', 'text'],
      ['unitId', 'text'],
      ['createdAt', 'timestamp'],
      ['updatedAt', 'timestamp'],
    ],
  },
  snapshot: {
    name: 'Snapshot',
    columns: [
      ['id', 'text'],
      ['source', 'text'],
      ['state', 'text'],
      ['createdAt', 'timestamp'],
    ],
  },
  message: {
    name: 'InboundMessage',
    columns: [
      ['id', 'text'],
      ['source', 'text'],
      ['sourceMessageId', 'text'],
      ['shape', 'text'],
      ['deviceTuyaId', 'text'],
      ['payload', 'text'],
      ['receivedAt', 'timestamp'],
      ['outcome', 'text'],
    ],
  },
  event: {
    name: 'AccessEvent',
    columns: [
      ['id', 'text'],
      ['messageId', 'text'],
      ['deviceId', 'text'],
      ['deviceTuyaId', 'text'],
      ['occurredAt', 'timestamp'],
      ['receivedAt', 'timestamp'],
      ['method', 'text'],
      ['result', 'text'],
      ['residentId', 'text'],
      ['residentName', 'text'],
      ['externalUserId', 'text'],
      ['credentialSlot', 'text'],
      ['sourceCode', 'text'],
      ['snapshotId', 'text'],
      ['backfilled', 'boolean'],
    ],
  },
  call: {
    name: 'Call',
    columns: [
      ['id', 'text'],
      ['deviceId', 'text'],
      ['callRef', 'text'],
      ['state', 'text'],
      ['startedAt', 'timestamp'],
      ['answeredAt', 'timestamp'],
      ['endedAt', 'timestamp'],
      ['lastSignalAt', 'timestamp'],
    ],
  },
  alarm: {
    name: 'Alarm',
    columns: [
      ['id', 'text'],
      ['deviceId', 'text'],
      ['type', 'text'],
      ['priority', 'text'],
      ['state', 'text'],
      ['count', 'integer'],
      ['firstAt', 'timestamp'],
      ['lastAt', 'timestamp'],
      ['resolvedAt', 'timestamp'],
    ],
  },
  audit: {
    name: 'AuditLog',
    columns: [
      ['id', 'text'],
      ['at', 'timestamp'],
      ['actorLabel', 'text'],
      ['action', 'text'],
      ['targetType', 'text'],
      ['targetId', 'text'],
    ],
  },
} as const satisfies Record<string, Table>

export type SeedHistoryOptions = {
  events: number
  endMs?: number
  days?: number
  seed?: number
  /** Id prefix of a synthetic building (and of every seeded row). */
  prefix?: string
  /** Use the doors and residents already stored, when there are some (default true). */
  useExisting?: boolean
  log?: (line: string) => void
}
export type SeedHistoryResult = {
  seconds: number
  /** CPU time of this process (user + system): on a shared machine the wall time says more about the neighbours. */
  cpuSeconds: number
  events: number
  endMs: number
  counts: { snapshots: number; messages: number; calls: number; alarms: number; audit: number }
}

async function existingBuilding(w: HistoryWriter): Promise<Building | null> {
  const devices = await w.query<{ id: string; tuyaId: string; name: string; category: string }>(
    'SELECT id, "tuyaId", name, category FROM "Device"',
  )
  const residents = await w.query<{ id: string; name: string; externalId: string; unitId: string | null }>(
    `SELECT id, name, "externalId", "unitId" FROM "Resident" WHERE status = 'active'`,
  )
  if (!devices.length || !residents.length) return null
  const random = createRandom(11)
  return {
    devices: devices.map((d): DatasetDevice => ({
      ...d,
      lock: d.category === 'smart_lock',
      weight: d.category === 'door_station' ? 30 : d.category === 'face_terminal' ? 12 : 1.5,
    })),
    residents: residents.map((r, i): DatasetResident => ({ ...r, weight: 1 / (1 + i) ** 0.8 + random() * 0.001 })),
  }
}

async function createSyntheticBuilding(w: HistoryWriter, prefix: string, now: number): Promise<Building> {
  const { devices, residents, units } = createBuilding(24, 600, prefix)
  const sites = await w.query<{ id: string }>('SELECT id FROM "Site" LIMIT 1')
  const siteId = sites[0]?.id ?? `${prefix}-site`
  if (!sites.length) await w.insert(T.site, [[siteId, 'Harbour View', 'Europe/London']])
  const buildingId = `${prefix}-bld`
  await w.insert(T.building, [[buildingId, siteId, `${prefix} block`]])
  await w.insert(
    T.unit,
    units.map((u) => [u.id, buildingId, u.label, String(u.floor)]),
  )
  await w.insert(
    T.device,
    devices.map((d) => [d.id, d.tuyaId, d.name, d.category, true, buildingId, now, now]),
  )
  await w.insert(
    T.resident,
    residents.map((r) => [r.id, r.name, r.externalId, r.unitId, now, now]),
  )
  return { devices, residents }
}

function rawPayload(r: AccessRow): string {
  return JSON.stringify({
    bizCode: 'accessRecord',
    bizData: {
      devId: r.deviceTuyaId,
      recordId: r.id,
      success: r.result === 'granted',
      time: r.occurredAt,
      userId: r.externalUserId,
    },
    ts: r.receivedAt,
  })
}

export async function seedHistory(databaseUrl: string, options: SeedHistoryOptions): Promise<SeedHistoryResult> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const log = options.log ?? (() => undefined)
  const endMs = options.endMs ?? Date.now()
  const days = options.days ?? 90
  const prefix = options.prefix ?? `h${endMs.toString(36)}`
  await migrateDatabase(databaseUrl)
  const w = await openHistoryWriter(databaseUrl)
  const counts = { snapshots: 0, messages: 0, calls: 0, alarms: 0, audit: 0 }
  try {
    const building =
      (options.useExisting !== false ? await existingBuilding(w) : null) ??
      (await createSyntheticBuilding(w, prefix, endMs))
    const indexes = await w.indexesOf('AccessEvent')
    for (const index of indexes) await w.exec(`DROP INDEX "${index.name}"`)
    const random = createRandom((options.seed ?? 42) + 1)
    const rawFrom = endMs - RAW_MESSAGE_DAYS * DAY_MS
    let done = 0
    let sequence = 0
    const id = (kind: string) => `${prefix}${kind}${(sequence++).toString(36)}`
    const batches = generateAccessRows(options.events, endMs, w.provider === 'sqlite' ? 50_000 : 20_000, {
      days,
      building,
      seed: options.seed ?? 42,
    })
    for (const batch of batches) {
      const snapshots: Cell[][] = []
      const messages: Cell[][] = []
      const events: Cell[][] = []
      const calls: Cell[][] = []
      const alarms: Cell[][] = []
      const audit: Cell[][] = []
      for (const r of batch) {
        if (r.snapshotId)
          snapshots.push([r.snapshotId, `https://cdn.example/${r.id}.jpg`, r.snapshotState, r.receivedAt])
        const messageId = r.occurredAt >= rawFrom ? `m${r.id}` : null
        if (messageId)
          messages.push([
            messageId,
            'mq',
            `${prefix}:${r.id}`,
            'vendor_record',
            r.deviceTuyaId,
            rawPayload(r),
            r.receivedAt,
            'processed',
          ])
        events.push([
          r.id,
          messageId,
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
        ])
        const roll = random()
        if (r.method === 'remote' && roll < 0.5) {
          // A visitor rang and a guard opened: the call ended as door_opened a few seconds after the ring.
          const ring = r.occurredAt - 20_000 - Math.floor(roll * 40_000)
          calls.push([id('c'), r.deviceId, null, 'door_opened', ring, ring + 8_000, r.occurredAt, r.occurredAt])
        } else if (roll < 0.004) {
          calls.push([
            id('c'),
            r.deviceId,
            null,
            'missed',
            r.occurredAt,
            null,
            r.occurredAt + 30_000,
            r.occurredAt + 30_000,
          ])
        }
        if (r.result === 'denied' && roll > 0.97) {
          const type = roll > 0.995 ? 'tamper' : 'repeated_failures'
          alarms.push([
            id('a'),
            r.deviceId,
            type,
            type === 'tamper' ? 'critical' : 'high',
            'resolved',
            3,
            r.occurredAt - 120_000,
            r.occurredAt,
            r.occurredAt + 600_000,
          ])
        }
        if (roll > 0.992)
          audit.push([
            id('l'),
            r.receivedAt + 60_000,
            'manager@demo.local',
            r.snapshotId ? 'snapshot.viewed' : 'access.searched',
            r.snapshotId ? 'snapshot' : 'resident',
            r.snapshotId ?? r.residentId,
          ])
      }
      await w.insert(T.snapshot, snapshots)
      await w.insert(T.message, messages)
      await w.insert(T.event, events)
      await w.insert(T.call, calls)
      await w.insert(T.alarm, alarms)
      await w.insert(T.audit, audit)
      counts.snapshots += snapshots.length
      counts.messages += messages.length
      counts.calls += calls.length
      counts.alarms += alarms.length
      counts.audit += audit.length
      done += batch.length
      if (done % 200_000 < batch.length)
        log(
          `  ${w.provider}: ${done.toLocaleString('en')} events (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        )
    }
    for (const index of indexes) await w.exec(index.create)
    log(`  ${w.provider}: indexes rebuilt (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    // PostgreSQL plans from statistics, which a bulk load leaves stale; SQLite has none unless asked (the app never
    // runs ANALYZE, so neither does the seed: the benchmark measures the plans production gets).
    if (w.provider === 'postgresql')
      for (const table of ['AccessEvent', 'Snapshot', 'InboundMessage', 'Call', 'Alarm', 'AuditLog'])
        await w.exec(`ANALYZE "${table}"`)
  } finally {
    await w.close()
  }
  const used = process.cpuUsage(cpu)
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    events: options.events,
    endMs,
    counts,
  }
}
