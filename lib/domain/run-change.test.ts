// The one unit of work (lib/domain/run-change.ts) on real databases: a change, its audit rows and its outbox rows
// commit together and the broadcast follows the commit; a change that fails anywhere, in its own code or in the
// database at the audit or outbox write, leaves nothing behind and broadcasts nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { toDeviceItem } from '@/lib/devices/device-item'
import { runChange } from '@/lib/domain/run-change'
import { recordLiveEmissions, type RecordedEmission } from '@/lib/ingest/fixtures/recording-live-server'
import { audienceOf, roleRoom } from '@/lib/realtime/events'

const tester = { userId: null, label: 'test' }

describe.each(TEST_PROVIDERS)('runChange on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  /**
   * Adds a device, audits it and announces it, recording broadcasts. `fail` runs at the end of the change;
   * `emittedDuringChange` is what had been broadcast by then.
   */
  async function addDevice(tuyaId: string, fail?: () => void) {
    const live = recordLiveEmissions()
    let emittedDuringChange: RecordedEmission[] | undefined
    const run = runChange(db, async ({ tx, audit, publish }) => {
      const row = await tx.device.create({ data: { tuyaId, name: `Gate ${tuyaId}`, category: 'door_station' } })
      audit({ actor: tester, action: 'device.added', targetType: 'device', targetId: row.id, details: { tuyaId } })
      publish({ event: 'device.updated', payload: toDeviceItem(row) })
      fail?.()
      emittedDuringChange = [...live.emitted]
      return toDeviceItem(row)
    })
    const outcome = await run.then(
      (item) => ({ item, error: null }),
      (error: unknown) => ({ item: null, error }),
    )
    live.stop()
    return { ...outcome, emitted: live.emitted, emittedDuringChange }
  }

  async function writtenFor(tuyaId: string) {
    return {
      devices: await db.device.count({ where: { tuyaId } }),
      audits: await db.auditLog.count({ where: { details: { contains: tuyaId } } }),
      outbox: await db.liveEvent.count({ where: { payload: { contains: tuyaId } } }),
    }
  }

  it('commits the change with its audit and outbox rows, and broadcasts only after the commit', async () => {
    const { item, error, emitted, emittedDuringChange } = await addDevice('uow-commit')
    expect(error).toBeNull()
    expect(emittedDuringChange).toEqual([])
    expect(await db.device.findUniqueOrThrow({ where: { tuyaId: 'uow-commit' } })).toMatchObject({ id: item!.id })
    expect(await db.auditLog.findMany({ where: { targetId: item!.id } })).toEqual([
      expect.objectContaining({ actorId: null, actorLabel: 'test', action: 'device.added', targetType: 'device' }),
    ])
    const outbox = await db.liveEvent.findMany({ where: { payload: { contains: 'uow-commit' } } })
    expect(outbox).toHaveLength(1)
    expect(outbox[0].event).toBe('device.updated')
    expect(emitted).toEqual([
      {
        event: 'device.updated',
        rooms: audienceOf('device.updated').map(roleRoom),
        payload: { ...item, seq: outbox[0].seq },
      },
    ])
  })

  it('writes nothing and broadcasts nothing when the change itself throws after publishing', async () => {
    const run = await addDevice('uow-throw', () => {
      throw new Error('the change changed its mind')
    })
    expect(run.error).toEqual(new Error('the change changed its mind'))
    expect(run.emitted).toEqual([])
    expect(await writtenFor('uow-throw')).toEqual({ devices: 0, audits: 0, outbox: 0 })
  })

  it('rolls the state change back too when the audit write fails inside the database', async () => {
    const restore = await failInsertsInto(db, provider, 'AuditLog')
    const run = await addDevice('uow-audit-fails').finally(restore)
    // (Prisma words the trigger's abort differently per provider; any error will do.)
    expect(run.error).toBeInstanceOf(Error)
    expect(run.emitted).toEqual([])
    expect(await writtenFor('uow-audit-fails')).toEqual({ devices: 0, audits: 0, outbox: 0 })

    // With the database healthy again, the same change goes through.
    const retry = await addDevice('uow-audit-fails')
    expect(retry.error).toBeNull()
    expect(retry.emitted).toHaveLength(1)
    expect(await writtenFor('uow-audit-fails')).toEqual({ devices: 1, audits: 1, outbox: 1 })
  })

  it('rolls the state change and its audit back when the outbox write fails inside the database', async () => {
    const restore = await failInsertsInto(db, provider, 'LiveEvent')
    const run = await addDevice('uow-outbox-fails').finally(restore)
    expect(run.error).toBeInstanceOf(Error)
    expect(run.emitted).toEqual([])
    expect(await writtenFor('uow-outbox-fails')).toEqual({ devices: 0, audits: 0, outbox: 0 })
  })
})
