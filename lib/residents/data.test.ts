// The register list on real databases: alphabetical in any case, searched by part of the name (wildcards taken
// literally), filtered by unit and status (erased tombstones only when asked), and paged without skipping or
// repeating anyone, even when names tie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { errorResponse } from '@/lib/http/error-response'
import { listResidents } from '@/lib/residents/data'
import { registerFixture, settle, type RegisterFixture } from '@/lib/residents/fixtures/register-fixture'
import { residentQuerySchema, type ResidentQuery } from '@/lib/residents/schema'

describe.each(TEST_PROVIDERS)('listResidents on %s', (provider) => {
  let testDb: TestDatabase
  let fx: RegisterFixture
  const names = [
    'alice Martin',
    'Alice Martin',
    'Bruno Costa',
    'bruno costa',
    'Chen 100% Wei',
    'Chen_Wei',
    'Dara Okafor',
    'Dara Okafor',
    'Dara Okafor',
    'Zoë Adams',
  ]

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    fx = await registerFixture(testDb.db, provider)
    let n = 0
    for (const name of names) {
      n++
      await fx.db.resident.create({
        data: {
          name,
          externalId: `ext-${n}`,
          unitId: n % 2 ? fx.units.a101.id : fx.units.b101.id,
          status: n === 4 ? 'suspended' : 'active',
        },
      })
    }
    await fx.db.resident.create({ data: { name: 'Erased resident', externalId: 'ext-gone', status: 'erased' } })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const query = (input: Record<string, unknown>): ResidentQuery => residentQuerySchema.parse(input)

  async function everyPage(input: Record<string, unknown>, limit: number) {
    const seen: { id: string; name: string }[] = []
    let cursor: string | undefined
    for (let pages = 0; pages < 50; pages++) {
      const page = await listResidents(fx.db, query({ ...input, limit, cursor }))
      seen.push(...page.items.map((i) => ({ id: i.id, name: i.name })))
      if (!page.nextCursor) return seen
      cursor = page.nextCursor
    }
    throw new Error('paging did not end')
  }

  it.each([1, 2, 3, 4, 200])('pages by %i without skipping or repeating anyone', async (limit) => {
    const all = await everyPage({}, limit)
    expect(all).toHaveLength(names.length)
    expect(new Set(all.map((r) => r.id)).size).toBe(names.length)
    expect(all.map((r) => r.name.toLowerCase())).toEqual([...names].map((n) => n.toLowerCase()).sort())
  })

  it('searches part of the name in any case', async () => {
    const found = await listResidents(fx.db, query({ q: 'MARTIN' }))
    expect(found.items.map((i) => i.name).sort()).toEqual(['Alice Martin', 'alice Martin'])
    expect((await listResidents(fx.db, query({ q: 'costa' }))).items).toHaveLength(2)
  })

  it('takes % and _ in a search literally', async () => {
    expect((await listResidents(fx.db, query({ q: '100%' }))).items.map((i) => i.name)).toEqual(['Chen 100% Wei'])
    expect((await listResidents(fx.db, query({ q: 'n_W' }))).items.map((i) => i.name)).toEqual(['Chen_Wei'])
    expect((await listResidents(fx.db, query({ q: '%' }))).items.map((i) => i.name)).toEqual(['Chen 100% Wei'])
  })

  it('filters by unit and by status, and pages within the filter', async () => {
    const inA = await everyPage({ unitId: fx.units.a101.id }, 2)
    expect(inA).toHaveLength(5)
    const suspended = await listResidents(fx.db, query({ status: 'suspended' }))
    expect(suspended.items.map((i) => [i.name, i.status])).toEqual([['bruno costa', 'suspended']])
    const both = await listResidents(fx.db, query({ status: 'active', unitId: fx.units.b101.id }))
    expect(both.items.map((i) => i.name).sort()).toEqual(['Alice Martin', 'Chen_Wei', 'Dara Okafor', 'Zoë Adams'])
  })

  it('leaves erased tombstones out unless asked for', async () => {
    expect((await everyPage({}, 50)).map((r) => r.name)).not.toContain('Erased resident')
    const erased = await listResidents(fx.db, query({ status: 'erased' }))
    expect(erased.items.map((i) => i.status)).toEqual(['erased'])
  })

  it('refuses a cursor it did not make (400)', async () => {
    for (const cursor of [
      'nope',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      const { error } = await settle(listResidents(fx.db, query({ cursor })))
      expect(errorResponse(error).status, cursor).toBe(400)
    }
  })
})
