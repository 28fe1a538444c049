// Cards, PINs and revocation on real databases: the duplicate checks across residents (naming no one), the PIN
// kept sealed and never in any answer, audit row or broadcast, and every write giving the resident's doors work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { unsealSecret } from '@/lib/auth/seal'
import { listCredentials } from '@/lib/credentials/data'
import { addCard, addPin, revokeCredential } from '@/lib/credentials/mutations'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'

const SECRET = 'credentials-test-secret-0123456789abcdef'
const context = { ip: '10.0.0.7', userAgent: 'vitest' }

/** The outcome of a write, as the route would answer it. */
async function attempt<T>(write: () => Promise<T>) {
  return write().then(
    (value) => ({ value, error: null }),
    (error: { code?: string; status?: number; message?: string }) => ({ value: null, error }),
  )
}

describe.each(TEST_PROVIDERS)('credential writes on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let admin: Actor
  let deviceId: string
  let n = 0

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const user = await db.user.create({
      data: { email: 'keys@example.test', name: 'Kim Keys', role: 'admin', passwordHash: 'x' },
    })
    admin = { userId: user.id, email: user.email, name: user.name, role: 'admin', via: 'session' }
    const device = await db.device.create({ data: { tuyaId: 'door-1', name: 'Lobby', category: 'face_terminal' } })
    deviceId = device.id
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  /** A resident granted the lobby door, already in sync with it. */
  async function resident(data: { name?: string; phone?: string; unit?: string } = {}) {
    const unit = data.unit
      ? await db.unit.create({
          data: {
            label: data.unit,
            building: { create: { name: `B${++n}`, site: { create: { name: `Site ${n}` } } } },
          },
        })
      : null
    const row = await db.resident.create({
      data: {
        name: data.name ?? `Resident ${++n}`,
        phone: data.phone,
        unitId: unit?.id,
        externalId: `ext-${provider}-${++n}`,
      },
    })
    await db.residentDeviceGrant.create({ data: { residentId: row.id, deviceId } })
    await db.deviceSync.create({ data: { residentId: row.id, deviceId, state: 'synced', syncedGeneration: 1 } })
    return row
  }

  const syncRow = (residentId: string) =>
    db.deviceSync.findUniqueOrThrow({ where: { residentId_deviceId: { residentId, deviceId } } })

  describe('cards', () => {
    it('adds a normalised card, audits its last 4 characters only, and gives the door work', async () => {
      const alice = await resident({ name: 'Alice Card' })
      const live = recordLiveEmissions()
      const item = await addCard(
        db,
        admin,
        alice.id,
        { cardNo: '0a:1b:2c:99', validTo: '2030-01-01T00:00:00Z' },
        context,
      )
      live.stop()
      expect(item).toMatchObject({
        kind: 'card',
        cardNo: '0A1B2C99',
        masked: false,
        validUntil: '2030-01-01T00:00:00.000Z',
      })
      expect(await syncRow(alice.id)).toMatchObject({ state: 'pending', generation: 2 })
      const audit = await db.auditLog.findFirstOrThrow({
        where: { action: 'credential.card_added', targetId: alice.id },
      })
      expect(audit).toMatchObject({ actorId: admin.userId, ip: '10.0.0.7' })
      expect(audit.details).toContain('"cardEnding":"2C99"')
      expect(audit.details).not.toContain('0A1B2C99')
      expect(live.emitted.map((e) => [e.event, e.payload.id])).toEqual([['resident.updated', alice.id]])
      expect(live.emitted[0].payload).toMatchObject({ credentials: { card: 1 } })
    })

    it('refuses a card another resident holds, however it is spelt, without naming them', async () => {
      const holder = await resident({ name: 'Hidden Holder' })
      const other = await resident()
      await addCard(db, admin, holder.id, { cardNo: 'A1B2C3D4' }, context)
      const refused = await attempt(() => addCard(db, admin, other.id, { cardNo: 'a1-b2-c3-d4' }, context))
      expect(refused.error).toMatchObject({ code: 'card_in_use', status: 409 })
      expect(JSON.stringify(refused.error?.message)).not.toMatch(/Hidden|Holder|holder\.id/)
      expect(refused.error?.message).not.toContain(holder.id)
      expect(await db.credential.count({ where: { residentId: other.id } })).toBe(0)
      expect(await syncRow(other.id)).toMatchObject({ state: 'synced', generation: 1 })
    })

    it('frees the card for anyone once revoked', async () => {
      const first = await resident()
      const second = await resident()
      const card = await addCard(db, admin, first.id, { cardNo: '77665544' }, context)
      const revoked = await revokeCredential(db, admin, first.id, card.id, 'card', context)
      expect(revoked).toMatchObject({ id: card.id, kind: 'card' })
      expect(await db.credential.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ uniqueKey: null })
      await expect(addCard(db, admin, second.id, { cardNo: '77665544' }, context)).resolves.toMatchObject({
        cardNo: '77665544',
      })
      expect(await syncRow(first.id)).toMatchObject({ state: 'pending', generation: 3 })
    })

    it('refuses bad numbers and windows with 400, and revoking twice or across residents', async () => {
      const r = await resident()
      await expect(addCard(db, admin, r.id, { cardNo: 'xyz' }, context)).rejects.toMatchObject({ status: 400 })
      await expect(
        addCard(
          db,
          admin,
          r.id,
          { cardNo: '11223399', validFrom: '2030-01-02T00:00:00Z', validTo: '2030-01-01T00:00:00Z' },
          context,
        ),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ['validTo'], message: 'must be after validFrom' })],
      })
      const card = await addCard(db, admin, r.id, { cardNo: '11223399' }, context)
      const stranger = await resident()
      await expect(revokeCredential(db, admin, stranger.id, card.id, 'card', context)).rejects.toMatchObject({
        status: 404,
      })
      await expect(revokeCredential(db, admin, r.id, card.id, 'pin', context)).rejects.toMatchObject({ status: 404 })
      await revokeCredential(db, admin, r.id, card.id, 'card', context)
      await expect(revokeCredential(db, admin, r.id, card.id, 'card', context)).rejects.toMatchObject({ status: 409 })
    })

    it('shows the number in full to admins and masked to everyone else', async () => {
      const r = await resident()
      await addCard(db, admin, r.id, { cardNo: '0C3D4E55' }, context)
      expect((await listCredentials(db, r.id, { revealCards: true })).items).toEqual([
        expect.objectContaining({ kind: 'card', cardNo: '0C3D4E55', masked: false }),
      ])
      const masked = await listCredentials(db, r.id, { revealCards: false })
      expect(masked.items).toEqual([expect.objectContaining({ kind: 'card', cardNo: '•••• 4E55', masked: true })])
      expect(JSON.stringify(masked)).not.toContain('0C3D4E55')
    })
  })

  describe('PINs', () => {
    const PIN = '604182'

    it('keeps the PIN sealed, and it appears in no answer, audit row or broadcast', async () => {
      const r = await resident({ phone: '+44 7700 900123' })
      const live = recordLiveEmissions()
      const item = await addPin(db, admin, r.id, { pin: PIN }, context, SECRET)
      live.stop()
      const listed = await listCredentials(db, r.id, { revealCards: true })
      expect(item).toMatchObject({ kind: 'pin', residentId: r.id })
      const row = await db.credential.findUniqueOrThrow({ where: { id: item.id } })
      expect(row.value).toBeNull()
      expect(row.secretSealed).not.toContain(PIN)
      expect(unsealSecret(row.secretSealed ?? '', SECRET)).toBe(PIN)
      expect(row.uniqueKey).toMatch(/^pin:/)
      expect(row.uniqueKey).not.toContain(PIN)

      const audits = await db.auditLog.findMany({ where: { targetId: r.id } })
      const outbox = await db.liveEvent.findMany({ where: { payload: { contains: r.id } } })
      for (const text of [
        JSON.stringify(item),
        JSON.stringify(listed),
        JSON.stringify(audits),
        JSON.stringify(outbox),
        JSON.stringify(live.emitted),
      ]) {
        expect(text).not.toContain(PIN)
      }
      expect(audits.map((a) => a.action)).toEqual(['credential.pin_set'])
      expect(await syncRow(r.id)).toMatchObject({ state: 'pending', generation: 2 })
    })

    it('refuses a PIN another resident holds, without saying whose, and one PIN per resident', async () => {
      const holder = await resident({ name: 'Pat Pin' })
      const other = await resident()
      await addPin(db, admin, holder.id, { pin: '739201' }, context, SECRET)
      const refused = await attempt(() => addPin(db, admin, other.id, { pin: '739201' }, context, SECRET))
      expect(refused.error).toMatchObject({ code: 'pin_in_use', status: 409 })
      expect(refused.error?.message).not.toMatch(/Pat|739201/)
      expect(refused.error?.message).not.toContain(holder.id)
      await expect(addPin(db, admin, holder.id, { pin: '918273' }, context, SECRET)).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(/already has a PIN/),
      })
    })

    it('applies the policy with the resident’s own phone and unit, and never echoes the PIN', async () => {
      const r = await resident({ phone: '+33 6 91 47 52 80', unit: 'A-1203' })
      for (const [pin, problem] of [
        ['475280', /phone number/],
        ['912035', /unit number/],
        ['654321', /in a row/],
        ['999999', /repeat one digit/],
      ] as const) {
        const refused = await attempt(() => addPin(db, admin, r.id, { pin }, context, SECRET))
        expect(refused.error).toMatchObject({ code: 'weak_pin', status: 400 })
        expect(refused.error?.message).toMatch(problem)
        expect(refused.error?.message).not.toContain(pin)
      }
      expect(await db.credential.count({ where: { residentId: r.id } })).toBe(0)
      expect(await db.auditLog.count({ where: { targetId: r.id } })).toBe(0)
    })

    it('revokes a PIN: the digest is freed, the sealed copy stays for the sync worker to wipe', async () => {
      const r = await resident()
      const item = await addPin(db, admin, r.id, { pin: '284619' }, context, SECRET)
      await revokeCredential(db, admin, r.id, item.id, 'pin', context)
      const row = await db.credential.findUniqueOrThrow({ where: { id: item.id } })
      expect(row).toMatchObject({ uniqueKey: null, revokedAt: expect.any(Date) })
      expect(row.secretSealed).not.toBeNull()
      expect((await listCredentials(db, r.id, { revealCards: true })).items).toEqual([])
    })
  })

  it('adds nothing for an unknown or erased resident', async () => {
    await expect(addCard(db, admin, 'nobody', { cardNo: '55443322' }, context)).rejects.toMatchObject({ status: 404 })
    const gone = await resident()
    await db.resident.update({ where: { id: gone.id }, data: { status: 'erasing' } })
    await expect(addCard(db, admin, gone.id, { cardNo: '55443322' }, context)).rejects.toMatchObject({ status: 409 })
    await expect(addPin(db, admin, gone.id, { pin: '604182' }, context, SECRET)).rejects.toMatchObject({
      status: 409,
    })
  })
})
