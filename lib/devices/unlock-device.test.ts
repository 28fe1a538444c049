import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { unlockDevice } from '@/lib/devices/unlock-device'
import { AppError } from '@/lib/errors'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { startSimulator, type RunningSimulator } from '@/simulator/start-simulator'

/** The simulator's control API takes mutating calls as JSON only. */
const JSON_HEADERS = { 'content-type': 'application/json' }

const lock = DEMO_BUILDING.devices.find((d) => d.kind === 'smart_lock')!
const context = { ip: '127.0.0.1', userAgent: 'vitest' }

describe.each(TEST_PROVIDERS)('remote unlock on %s', (provider) => {
  let test: TestDatabase
  let sim: RunningSimulator
  let client: TuyaClient
  let actor: Actor
  let deviceId: string

  const unlockCommands = async () => {
    const response = await fetch(`${sim.url}/_sim/devices/${lock.id}`)
    return ((await response.json()) as { unlockCommands: unknown[] }).unlockCommands.length
  }

  beforeAll(async () => {
    test = await createTestDatabase(provider)
    sim = await startSimulator({ port: 0 })
    client = createTuyaClient({ baseUrl: sim.url, accessId: sim.accessId, accessSecret: sim.accessSecret })
    const user = await test.db.user.create({
      data: { email: 'g@example.test', name: 'Gina Guard', role: 'guard', passwordHash: 'x' },
    })
    actor = { userId: user.id, email: user.email, name: user.name, role: 'guard', via: 'session' }
    deviceId = (await test.db.device.create({ data: { tuyaId: lock.id, name: lock.name, category: 'smart_lock' } })).id
  })
  afterAll(async () => {
    await sim?.close()
    await test?.drop()
  })

  it('opens the door once through the ticket flow and audits it', async () => {
    const before = await unlockCommands()
    const outcome = await unlockDevice(
      test.db,
      client,
      actor,
      { deviceId, idempotencyKey: 'click-0001', body: { reason: 'courier' } },
      context,
    )
    expect(outcome).toMatchObject({ ok: true, accepted: true, deviceId })
    expect(await unlockCommands()).toBe(before + 1)
    const audit = await test.db.auditLog.findMany({ where: { action: 'device.unlock', targetId: deviceId } })
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].details ?? '{}')).toMatchObject({ reason: 'courier' })
  })

  it('never sends the same request twice: a retry with the same key gets the recorded outcome', async () => {
    const before = await unlockCommands()
    const first = await unlockDevice(
      test.db,
      client,
      actor,
      { deviceId, idempotencyKey: 'click-0002', body: {} },
      context,
    )
    const retries = await Promise.allSettled(
      [1, 2, 3].map(() =>
        unlockDevice(test.db, client, actor, { deviceId, idempotencyKey: 'click-0002', body: {} }, context),
      ),
    )
    expect(await unlockCommands()).toBe(before + 1)
    for (const retry of retries) if (retry.status === 'fulfilled') expect(retry.value).toEqual(first)
  })

  it('surfaces Tuya errors with Tuya code and message, without retrying the operate call', async () => {
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errors5xx: { count: 5, path: '/v1.0/smart-lock/devices' } }),
    })
    const before = await unlockCommands()
    const error = await unlockDevice(
      test.db,
      client,
      actor,
      { deviceId, idempotencyKey: 'click-0003', body: {} },
      context,
    ).catch((e: unknown) => e)
    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: JSON_HEADERS })
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).status).toBeGreaterThanOrEqual(502)
    expect(await unlockCommands()).toBe(before)
    expect(await test.db.auditLog.count({ where: { action: 'device.unlock_failed' } })).toBe(1)
  })

  it('keeps the claim "sending" when the outcome and its audit row cannot be written: a retry is refused, never re-sent', async () => {
    const claim = async () =>
      JSON.parse((await test.db.keyValue.findUniqueOrThrow({ where: { key: 'unlock:click-0005' } })).value) as {
        state: string
      }
    const audits = () =>
      test.db.auditLog.count({ where: { action: { startsWith: 'device.unlock' }, targetId: deviceId } })
    const auditsBefore = await audits()
    const before = await unlockCommands()

    const restore = await failInsertsInto(test.db, provider, 'AuditLog')
    const error = await unlockDevice(
      test.db,
      client,
      actor,
      { deviceId, idempotencyKey: 'click-0005', body: {} },
      context,
    )
      .catch((e: unknown) => e)
      .finally(restore)
    // The door did open once; the guard is told so, and that it will not be sent again.
    expect(await unlockCommands()).toBe(before + 1)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'unlock_not_recorded', status: 500, details: { accepted: true } })
    expect((error as AppError).message).toMatch(/sent.*accepted.*not be sent again/)
    // Neither the outcome nor the audit row was written: the claim is still "sending".
    expect(await claim()).toMatchObject({ state: 'sending' })
    expect(await audits()).toBe(auditsBefore)

    // A retry of the same click, with the database healthy again, is refused and sends nothing.
    await expect(
      unlockDevice(test.db, client, actor, { deviceId, idempotencyKey: 'click-0005', body: {} }, context),
    ).rejects.toMatchObject({ status: 409 })
    expect(await unlockCommands()).toBe(before + 1)

    // A new confirmed click goes through and is recorded with its audit row.
    const next = await unlockDevice(
      test.db,
      client,
      actor,
      { deviceId, idempotencyKey: 'click-0006', body: {} },
      context,
    )
    expect(next).toMatchObject({ ok: true, accepted: true })
    expect(await unlockCommands()).toBe(before + 2)
    expect(await audits()).toBe(auditsBefore + 1)
  })

  it('refuses a request without an idempotency key and an unknown device', async () => {
    await expect(
      unlockDevice(test.db, client, actor, { deviceId, idempotencyKey: null, body: {} }, context),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      unlockDevice(test.db, client, actor, { deviceId: 'nope', idempotencyKey: 'click-0004', body: {} }, context),
    ).rejects.toMatchObject({ status: 404 })
  })
})
