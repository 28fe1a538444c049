// The audit trail on a real database (SQLite and PostgreSQL): every filter (user, action or action family, time,
// object) returns exactly the rows an independent filter expects, across pages; the CSV export has the list's
// columns, the building's local time with its offset, neutralised formulas, and records itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { listAudit } from '@/lib/audit/data'
import { streamAuditCsv } from '@/lib/audit/export-csv'
import { exportAudit } from '@/lib/audit/export-request'
import { auditQuerySchema, type AuditFilter } from '@/lib/audit/schema'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

const T0 = Date.parse('2026-11-01T00:00:00.000Z')
const HOUR = 3_600_000
const USERS = [
  { id: 'u-ann', email: 'ann@x.test' },
  { id: 'u-bob', email: 'bob@x.test' },
]
const ACTIONS = ['access.searched', 'access.export', 'snapshot.viewed', 'device.unlock']
const TARGETS: [string | null, string | null][] = [
  ['resident', 'res-1'],
  ['resident', 'res-2'],
  ['snapshot', 'snap-1'],
  [null, null],
]

type Row = {
  id: string
  at: Date
  actorId: string | null
  actorLabel: string
  action: string
  targetType: string | null
  targetId: string | null
}

function seedRows(): Row[] {
  return Array.from({ length: 48 }, (_, i) => {
    const user = i % 5 === 4 ? null : USERS[i % 2]
    const [targetType, targetId] = TARGETS[i % TARGETS.length]
    return {
      id: `al-${String(i).padStart(3, '0')}`,
      at: new Date(T0 + Math.floor(i / 2) * HOUR),
      actorId: user?.id ?? null,
      actorLabel: user?.email ?? 'system',
      action: ACTIONS[i % 3 === 0 ? 0 : i % ACTIONS.length],
      targetType,
      targetId,
    }
  })
}

function expected(rows: Row[], f: AuditFilter): string[] {
  return rows
    .filter((r) => !f.user || r.actorId === f.user || r.actorLabel === f.user)
    .filter(
      (r) => !f.action || (f.action.endsWith('*') ? r.action.startsWith(f.action.slice(0, -1)) : r.action === f.action),
    )
    .filter((r) => !f.from || r.at >= f.from)
    .filter((r) => !f.to || r.at <= f.to)
    .filter((r) => {
      if (!f.object) return true
      const [type, id] = f.object.includes(':') ? f.object.split(':') : [undefined, f.object]
      return (type === undefined || r.targetType === type) && (!id || r.targetId === id)
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id)
}

describe.each(TEST_PROVIDERS)('audit trail on %s', (provider) => {
  let testDb: TestDatabase
  const rows = seedRows()

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await testDb.db.site.create({ data: { name: 'Site', timezone: 'Europe/Berlin' } })
    for (const u of USERS)
      await testDb.db.user.create({
        data: { id: u.id, email: u.email, name: u.id, role: 'manager', passwordHash: 'x' },
      })
    await testDb.db.auditLog.createMany({ data: rows })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  async function readAll(filter: AuditFilter): Promise<string[]> {
    const ids: string[] = []
    let cursor: string | undefined
    for (let i = 0; i < 50; i++) {
      const page = await listAudit(testDb.db, { limit: 7, cursor, ...filter })
      ids.push(...page.items.map((item) => item.id))
      if (!page.nextCursor) return ids
      cursor = page.nextCursor
    }
    throw new Error('paging did not end')
  }

  it('returns exactly the matching rows, newest first, for every filter combination', async () => {
    const users = [undefined, 'u-ann', 'bob@x.test', 'system']
    const actions = [undefined, 'access.searched', 'access.*', 'device.unlock']
    const times: Pick<AuditFilter, 'from' | 'to'>[] = [
      {},
      { from: new Date(T0 + 5 * HOUR) },
      { from: new Date(T0 + 3 * HOUR), to: new Date(T0 + 15 * HOUR) },
    ]
    const objects = [undefined, 'resident:res-1', 'resident:', 'snap-1']
    let nonEmpty = 0
    for (const user of users)
      for (const action of actions)
        for (const time of times)
          for (const object of objects) {
            const filter = { user, action, object, ...time }
            const want = expected(rows, filter)
            if (want.length) nonEmpty++
            expect({ filter, ids: await readAll(filter) }).toEqual({ filter, ids: want })
          }
    expect(nonEmpty).toBeGreaterThan(60)
  })

  it('refuses malformed filters', async () => {
    expect(auditQuerySchema.safeParse({ action: 'drop table;' }).success).toBe(false)
    expect(auditQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false)
    await expect(listAudit(testDb.db, { limit: 5, from: new Date(T0 + HOUR), to: new Date(T0) })).rejects.toMatchObject(
      { status: 400 },
    )
  })

  it('exports the same rows as CSV, times in the building zone, formulas neutralised', async () => {
    await testDb.db.auditLog.create({
      data: {
        id: 'al-hostile',
        at: new Date(T0 - HOUR),
        actorLabel: '=HYPERLINK("http://x")',
        action: 'auth.sign_in_failed',
      },
    })
    let csv = ''
    for await (const chunk of streamAuditCsv(
      testDb.db,
      { action: 'access.*' },
      { timeZone: 'Europe/Berlin', batchSize: 4 },
    ))
      csv += chunk
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('id,at,actor,actorId,action,targetType,targetId,ip,userAgent,details')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected(rows, { action: 'access.*' }))
    expect(lines.find((l) => l.startsWith('al-000,'))).toBe(
      'al-000,2026-11-01T01:00:00+01:00,ann@x.test,u-ann,access.searched,resident,res-1,,,',
    )
    let hostile = ''
    for await (const chunk of streamAuditCsv(testDb.db, { user: '=HYPERLINK("http://x")' }, { timeZone: 'UTC' }))
      hostile += chunk
    expect(hostile).toContain(`al-hostile,2026-10-31T23:00:00+00:00,"'=HYPERLINK(""http://x"")",,auth.sign_in_failed`)
  })

  it('records the export in the trail before streaming it', async () => {
    const manager: Actor = { userId: 'u-ann', email: 'ann@x.test', name: 'Ann', role: 'manager', via: 'session' }
    const response = await exportAudit(
      testDb.db,
      manager,
      { format: 'csv', action: 'audit.export' },
      { ip: '10.1.1.1' },
    )
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const text = await response.text()
    // The export's own entry is already there: the trail shows who exported it, even in that very file.
    expect(text.trim().split('\r\n')).toHaveLength(2)
    expect(text).toContain(
      ',ann@x.test,u-ann,audit.export,audit_log,,10.1.1.1,,"{""filter"":{""action"":""audit.export""}}"',
    )
    await expect(exportAudit(testDb.db, manager, { format: 'pdf' }, {})).rejects.toThrow()
  })
})
