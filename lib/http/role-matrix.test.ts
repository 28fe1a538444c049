// The REST permission matrix (README "REST"): every route handler under app/api, called the way Next calls it,
// as signed-out and as every role, each role both with an API token and with a session cookie, on a real SQLite
// and a real PostgreSQL database. Each route's fixture names the permission it requires; who is served and who gets 403
// comes from the grant table, and withdrawing just that permission from a role that holds it must turn the
// answer into a 403 naming it, which proves the route checks that permission and not some other. A new route
// file or method fails the inventory check below until it is added to ROUTES.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { encode } from 'next-auth/jwt'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApiToken } from '@/lib/auth/api-tokens'
import { disconnectDb, getDb } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { can, type Permission } from '@/lib/auth/permissions'
import { ROLES, type Role } from '@/lib/domain/enums'
import { updateAppStatus } from '@/lib/server/app-status'
import { createUser } from '@/lib/users/mutations'
import {
  METHODS,
  PUBLIC_ROUTES,
  ROUTES,
  SECRET,
  type BuiltRequest,
  type Fixture,
  type Method,
  type RouteCase,
  type RouteHandler,
} from '@/lib/http/fixtures/route-matrix'

// The grant table as the app sees it, except for one permission a test may withdraw from one role.
const withdrawn = vi.hoisted(() => ({ grant: null as { role: Role; permission: Permission } | null }))
vi.mock('@/lib/auth/permissions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/permissions')>()
  const isWithdrawn = (role: Role, permission: Permission) =>
    withdrawn.grant?.role === role && withdrawn.grant.permission === permission
  return {
    ...actual,
    can: (role: Role, permission: Permission) => !isWithdrawn(role, permission) && actual.can(role, permission),
  }
})

const ROOT = path.resolve(__dirname, '../..')
const API_DIR = path.join(ROOT, 'app/api')
function listRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return listRouteFiles(full)
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [path.relative(ROOT, full).split(path.sep).join('/')] : []
  })
}

async function loadRoute(file: string): Promise<Record<string, unknown>> {
  // Loaded by path: lib/ may not import app/ statically (lint layering rule), and this keeps the list live.
  return (await import(path.join(ROOT, file))) as Record<string, unknown>
}

async function handlerOf(file: string, method: Method): Promise<RouteHandler> {
  const handler = (await loadRoute(file))[method]
  if (typeof handler !== 'function') throw new Error(`${file} exports no ${method}`)
  return handler as RouteHandler
}

describe('route inventory', () => {
  it('lists every route file and method under app/api in the role matrix (or as public)', async () => {
    const found: string[] = []
    for (const file of listRouteFiles(API_DIR)) {
      if (PUBLIC_ROUTES.includes(file)) continue
      const mod = await loadRoute(file)
      for (const method of METHODS) if (typeof mod[method] === 'function') found.push(`${method} ${file}`)
    }
    const expected = Object.entries(ROUTES).flatMap(([file, methods]) =>
      Object.keys(methods).map((m) => `${m} ${file}`),
    )
    expect(
      found.filter((r) => !expected.includes(r)),
      'routes missing from ROUTES in role-matrix.test.ts',
    ).toEqual([])
    expect(
      expected.filter((r) => !found.includes(r)),
      'ROUTES entries with no handler',
    ).toEqual([])
    for (const file of PUBLIC_ROUTES) expect(listRouteFiles(API_DIR)).toContain(file)
  })
})

type Caller = { label: string; headers: Record<string, string> }

async function sessionCookie(userId: string, email: string, role: Role): Promise<string> {
  const jwt = await encode({ token: { sub: userId, email, name: email, role }, secret: SECRET })
  return `next-auth.session-token=${jwt}`
}

async function callRoute(file: string, method: Method, built: BuiltRequest, headers: Record<string, string>) {
  const handler = await handlerOf(file, method)
  const hasBody = built.body !== undefined
  // NextRequest is what Next hands route handlers (it carries the parsed `cookies` next-auth reads).
  const request = new NextRequest(`http://127.0.0.1${built.path}`, {
    method,
    headers: { ...headers, ...built.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    body: hasBody ? JSON.stringify(built.body) : undefined,
  })
  const response = await handler(request, { params: Promise.resolve(built.params ?? {}) })
  const body: unknown = await response.json().catch(() => null)
  return { status: response.status, body }
}

const errorOf = (body: unknown) => (body as { error?: { code?: string; message?: string } } | null)?.error

describe.each(TEST_PROVIDERS)('role matrix on %s', (provider) => {
  let testDb: TestDatabase
  let fx: Fixture
  const callers = Object.fromEntries(ROLES.map((role) => [role, [] as Caller[]])) as Record<Role, Caller[]>
  const users = {} as Record<Role, { id: string; email: string }>
  let emailCounter = 0

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    // Point the app's getDb()/getEnv() at this database.
    await disconnectDb()
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    process.env.DATABASE_URL = testDb.url
    process.env.NEXTAUTH_SECRET = SECRET
    delete process.env.NEXTAUTH_URL
    for (const role of ROLES) {
      const email = `${role}-${provider}@example.test`
      const user = await createUser(testDb.db, { email, password: 'long-enough-password', role })
      users[role] = { id: user.id, email }
      const { token } = await createApiToken(testDb.db, user.id, `${role} token`)
      callers[role] = [
        { label: `${role} via API token`, headers: { authorization: `Bearer ${token}` } },
        { label: `${role} via session cookie`, headers: { cookie: await sessionCookie(user.id, email, role) } },
      ]
    }
    const owner = await createUser(testDb.db, {
      email: `owner-${provider}@example.test`,
      password: 'long-enough-password',
      role: 'guard',
    })
    const device = await testDb.db.device.create({
      data: { tuyaId: `matrix-${provider}`, name: 'Main door', category: 'door_station' },
    })
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9])
    const snapshot = await testDb.db.snapshot.create({
      data: {
        source: 'url:https://example.test/a.jpg',
        state: 'stored',
        contentType: 'image/jpeg',
        data: jpeg,
        thumbnail: jpeg,
      },
    })
    fx = {
      db: testDb.db,
      owner,
      device,
      snapshot,
      nextEmail: () => `new-${provider}-${++emailCounter}@example.test`,
    }
  })

  afterAll(async () => {
    await disconnectDb()
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    await testDb?.drop()
  })

  const cases = Object.entries(ROUTES).flatMap(([file, methods]) =>
    Object.entries(methods).map(([method, routeCase]) => ({
      file,
      method: method as Method,
      routeCase: routeCase as RouteCase,
    })),
  )

  describe.each(cases)('$method $file', ({ file, method, routeCase }) => {
    it('answers 401 unauthorized when signed out, or with unknown credentials', async () => {
      const anonymous: Caller[] = [
        { label: 'no credentials', headers: {} },
        { label: 'unknown API token', headers: { authorization: 'Bearer tbc_not-a-real-token-0000000000000' } },
        { label: 'malformed bearer', headers: { authorization: 'Bearer nope' } },
        { label: 'forged session cookie', headers: { cookie: 'next-auth.session-token=forged.jwt.value' } },
      ]
      for (const caller of anonymous) {
        const { status, body } = await callRoute(file, method, await routeCase.build(fx), caller.headers)
        expect(status, caller.label).toBe(401)
        expect(errorOf(body)?.code, caller.label).toBe('unauthorized')
        expect(errorOf(body)?.message, caller.label).toEqual(expect.any(String))
      }
    })

    const expectForbidden = (caller: Caller, { status, body }: { status: number; body: unknown }) => {
      expect(status, caller.label).toBe(403)
      expect(errorOf(body)?.code, caller.label).toBe('forbidden')
      expect(errorOf(body)?.message, caller.label).toContain(routeCase.permission)
    }

    for (const role of ROLES) {
      const allowed = can(role, routeCase.permission)
      it(`${allowed ? 'serves' : 'forbids (403)'} ${role}, who ${allowed ? 'holds' : 'lacks'} ${routeCase.permission}`, async () => {
        for (const caller of callers[role]) {
          const response = await callRoute(file, method, await routeCase.build(fx), caller.headers)
          if (allowed) {
            const { status, body } = response
            expect(status, `${caller.label}: ${JSON.stringify(body)}`).toBe(routeCase.ok)
            if (status >= 400) expect(errorOf(body)?.code, caller.label).not.toMatch(/^(unauthorized|forbidden)$/)
          } else {
            expectForbidden(caller, response)
          }
        }
      })

      if (allowed) {
        it(`forbids (403) ${role} once ${routeCase.permission} alone is withdrawn from ${role}`, async () => {
          withdrawn.grant = { role, permission: routeCase.permission }
          try {
            for (const caller of callers[role])
              expectForbidden(caller, await callRoute(file, method, await routeCase.build(fx), caller.headers))
          } finally {
            withdrawn.grant = null
          }
        })
      }
    }
  })

  it('tells the caller who they are and how they authenticated', async () => {
    const [viaToken, viaCookie] = callers.manager
    const token = await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, viaToken.headers)
    expect(token.body).toMatchObject({
      id: users.manager.id,
      email: users.manager.email,
      role: 'manager',
      via: 'token',
    })
    const cookie = await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, viaCookie.headers)
    expect(cookie.body).toMatchObject({ id: users.manager.id, role: 'manager', via: 'session' })
  })

  it('checks the permission before the input: a guard posting a bad body gets 403, an admin gets 400', async () => {
    const bad = { path: '/api/users', body: { email: 'not-an-email', password: 'x', role: 'janitor' } }
    const guard = await callRoute('app/api/users/route.ts', 'POST', bad, callers.guard[0].headers)
    expect(guard.status).toBe(403)
    const admin = await callRoute('app/api/users/route.ts', 'POST', bad, callers.admin[0].headers)
    expect(admin.status).toBe(400)
    expect(errorOf(admin.body)?.code).toBe('bad_request')
    const missing = await callRoute(
      'app/api/tokens/[id]/route.ts',
      'DELETE',
      { path: '/api/tokens/nope', params: { id: 'nope' } },
      callers.admin[1].headers,
    )
    expect(missing.status).toBe(404)
    expect(errorOf(missing.body)?.code).toBe('not_found')
  })

  it('re-reads the user: a role change applies at once, even to an older session cookie', async () => {
    const user = await createUser(testDb.db, { email: fx.nextEmail(), password: 'long-enough-password', role: 'admin' })
    const headers = { cookie: await sessionCookie(user.id, user.email, 'admin') }
    expect((await callRoute('app/api/users/route.ts', 'GET', { path: '/api/users' }, headers)).status).toBe(200)
    await testDb.db.user.update({ where: { id: user.id }, data: { role: 'guard' } })
    expect((await callRoute('app/api/users/route.ts', 'GET', { path: '/api/users' }, headers)).status).toBe(403)
  })

  it("refuses a disabled user's API token and session cookie (401)", async () => {
    const user = await createUser(testDb.db, { email: fx.nextEmail(), password: 'long-enough-password', role: 'admin' })
    const { token } = await createApiToken(testDb.db, user.id, 'soon disabled')
    const both: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { cookie: await sessionCookie(user.id, user.email, 'admin') },
    ]
    for (const headers of both)
      expect((await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, headers)).status).toBe(200)
    await testDb.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
    for (const headers of both) {
      const { status, body } = await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, headers)
      expect(status).toBe(401)
      expect(errorOf(body)?.code).toBe('unauthorized')
    }
  })

  it('refuses a revoked or expired API token (401)', async () => {
    const revoked = await createApiToken(testDb.db, users.guard.id, 'revoked')
    const headers = { authorization: `Bearer ${revoked.token}` }
    expect((await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, headers)).status).toBe(200)
    const revoke = await callRoute(
      'app/api/tokens/[id]/route.ts',
      'DELETE',
      { path: `/api/tokens/${revoked.id}`, params: { id: revoked.id } },
      callers.admin[0].headers,
    )
    expect(revoke).toEqual({ status: 200, body: { id: revoked.id, revoked: true } })
    expect((await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, headers)).status).toBe(401)

    const expired = await createApiToken(testDb.db, users.guard.id, 'expired', 1)
    await testDb.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const { status } = await callRoute(
      'app/api/me/route.ts',
      'GET',
      { path: '/api/me' },
      { authorization: `Bearer ${expired.token}` },
    )
    expect(status).toBe(401)
  })

  it('writes audit rows for token creation and revocation, never the token itself', async () => {
    const created = await callRoute(
      'app/api/tokens/route.ts',
      'POST',
      { path: '/api/tokens', body: { name: 'audited', userId: users.manager.id } },
      callers.admin[1].headers,
    )
    expect(created.status).toBe(201)
    const { id, token } = created.body as { id: string; token: string }
    expect(token).toMatch(/^tbc_/)
    // The new token works as its owner.
    const me = await callRoute('app/api/me/route.ts', 'GET', { path: '/api/me' }, { authorization: `Bearer ${token}` })
    expect(me.body).toMatchObject({ id: users.manager.id, role: 'manager', via: 'token' })

    await callRoute(
      'app/api/tokens/[id]/route.ts',
      'DELETE',
      { path: `/api/tokens/${id}`, params: { id } },
      callers.admin[0].headers,
    )
    const rows = await testDb.db.auditLog.findMany({
      where: { targetType: 'api_token', targetId: id },
      orderBy: { at: 'asc' },
    })
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['token.created', users.admin.id],
      ['token.revoked', users.admin.id],
    ])
    for (const row of rows) expect(row.details ?? '').not.toContain(token)
    expect(JSON.parse(rows[0].details ?? '{}')).toMatchObject({ name: 'audited', owner: users.manager.email })

    // The audit trail is readable through the API by a manager.
    const audit = await callRoute(
      'app/api/audit/route.ts',
      'GET',
      { path: '/api/audit?action=token.revoked&limit=200' },
      callers.manager[0].headers,
    )
    expect((audit.body as { items: { targetId: string }[] }).items.map((i) => i.targetId)).toContain(id)
  })

  it('reports health 200 with db ok once migrated, without credentials', async () => {
    updateAppStatus({ migrated: true, demo: false })
    const handler = await handlerOf('app/api/health/route.ts', 'GET')
    const response = await handler(new NextRequest('http://127.0.0.1/api/health'), { params: Promise.resolve({}) })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toMatchObject({ status: 'ok', db: 'ok' })
    expect(getDb()).toBeDefined()
  })
})
