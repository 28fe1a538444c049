// `npx tsx bench/door-sync.ts [residents]`: how fast the door sync worker empties its queue against the simulator:
// N residents (card + PIN, no face) granted one face terminal, on a fresh SQLite database. Tuya's per-second write
// limit (20/s, shared by the worker's pushes through its rate gate) is the ceiling by design: 3 writes a resident.
import { performance } from 'node:perf_hooks'
import { sealSecret } from '@/lib/auth/seal'
import { createTestDatabase } from '@/lib/db/test-database'
import { runChange } from '@/lib/domain/run-change'
import { markResidentsDirty } from '@/lib/sync/enqueue'
import { startSyncWorker } from '@/lib/sync/sync-worker'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { startSimulator } from '@/simulator/start-simulator'

const SECRET = 'door-sync-bench-secret-0123456789abcdefgh'

export async function benchDoorSync(residents = 60) {
  const [testDb, sim] = await Promise.all([
    createTestDatabase('sqlite'),
    startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 }),
  ])
  try {
    const db = testDb.db
    const terminal = DEMO_BUILDING.devices[0]
    const device = await db.device.create({
      data: { tuyaId: terminal.id, name: terminal.name, category: terminal.kind, online: true },
    })
    await runChange(db, async ({ tx }) => {
      const ids: string[] = []
      for (let i = 0; i < residents; i++) {
        const r = await tx.resident.create({ data: { name: `Bench ${i}`, externalId: `bench-${i}` } })
        await tx.credential.create({
          data: { residentId: r.id, kind: 'card', value: `BE${String(i).padStart(6, '0')}` },
        })
        await tx.credential.create({
          data: { residentId: r.id, kind: 'pin', secretSealed: sealSecret(String(1_000_000 + i), SECRET) },
        })
        await tx.residentDeviceGrant.create({ data: { residentId: r.id, deviceId: device.id } })
        ids.push(r.id)
      }
      await markResidentsDirty(tx, ids)
    })
    const client = createTuyaClient({ baseUrl: sim.url, accessId: sim.accessId, accessSecret: sim.accessSecret })
    const started = performance.now()
    const worker = startSyncWorker(db, {
      api: client,
      secret: SECRET,
      faceBaseUrl: null,
      idleMs: 20,
      listen: false,
      log: () => undefined,
    })
    while ((await db.deviceSync.count({ where: { state: { not: 'synced' } } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const seconds = (performance.now() - started) / 1000
    await worker.stop()
    const failures = await db.auditLog.count({ where: { action: 'sync.failed' } })
    return {
      residents,
      seconds,
      rowsPerSecond: residents / seconds,
      callsPerSecond: (residents * 3) / seconds,
      failures,
    }
  } finally {
    await sim.close()
    await testDb.drop()
  }
}

if (process.argv[1]?.endsWith('door-sync.ts')) {
  const n = Number(process.argv[2] ?? 60)
  benchDoorSync(n)
    .then((r) =>
      console.log(
        `door sync: ${r.residents} residents in ${r.seconds.toFixed(1)} s = ${r.rowsPerSecond.toFixed(1)} rows/s, ` +
          `${r.callsPerSecond.toFixed(1)} Tuya writes/s (limit 20/s), ${r.failures} failures`,
      ),
    )
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
