// The operator CLI as operators run it (README "Operator CLI"): a child process against a temporary SQLite
// database. Results go to stdout, messages to stderr, so `TOKEN=$(… token:create …)` captures the token alone.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { migrateDatabase } from '@/lib/db/migrate'

const ROOT = path.resolve(__dirname, '..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const dir = mkdtempSync(path.join(os.tmpdir(), 'console-cli-'))
const DATABASE_URL = `file:${path.join(dir, 'cli.db')}`

function cli(...args: string[]) {
  return cliWithInput(undefined, ...args)
}

function cliWithInput(input: string | undefined, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL }
  delete env.NODE_OPTIONS
  const result = spawnSync(TSX, ['cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    input,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Opens the CLI's database and makes every audit write in it fail (inside SQLite) until `restore`. */
async function failAuditWrites() {
  await migrateDatabase(DATABASE_URL)
  const db = createDb({ databaseUrl: DATABASE_URL })
  const restore = await failInsertsInto(db, 'sqlite', 'AuditLog')
  return { db, restore }
}

// Each case spawns tsx (compile + migrate + Argon2), several seconds on a busy machine.
describe('operator CLI', { timeout: 90_000 }, () => {
  it('--help prints the usage with every command and exits 0', () => {
    const { code, stdout } = cli('--help')
    expect(code).toBe(0)
    for (const command of [
      'user:create',
      'user:list',
      'user:disable',
      'user:enable',
      'user:role',
      'token:create',
      'token:revoke',
    ])
      expect(stdout).toContain(command)
  })

  it('user:create then user:list shows the new operator', () => {
    const created = cli(
      'user:create',
      '--email',
      'Night.Guard@Example.test',
      '--password',
      'long-enough-password',
      '--role',
      'guard',
    )
    expect(created.code, created.stderr).toBe(0)
    expect(created.stderr).toContain('created guard night.guard@example.test')
    const id = created.stdout.trim()
    expect(id).toMatch(/^\S+$/)

    const list = cli('user:list')
    expect(list.code).toBe(0)
    expect(list.stdout.trim().split('\n')).toContain(`${id}\tnight.guard@example.test\tguard`)
  })

  it('token:create prints only the token on stdout', () => {
    cli('user:create', '--email', 'bms@example.test', '--password', 'long-enough-password', '--role', 'admin')
    const { code, stdout, stderr } = cli('token:create', '--email', 'bms@example.test', '--name', 'BMS')
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/^tbc_[A-Za-z0-9_-]{43}\n$/)
    expect(stderr).toContain('shown once')
  })

  it('creates no user and prints no token when the audit row cannot be written; the next run succeeds', async () => {
    const create = () =>
      cli('user:create', '--email', 'audited@example.test', '--password', 'long-enough-password', '--role', 'admin')
    const { db, restore } = await failAuditWrites()
    try {
      const refused = create()
      expect([refused.code, refused.stdout]).toEqual([1, ''])
      expect(refused.stderr).toMatch(/^error: /m)
      expect(await db.user.count({ where: { email: 'audited@example.test' } })).toBe(0)
      await db.user.create({
        data: { email: 'token-owner@example.test', name: 'Owner', role: 'admin', passwordHash: 'x' },
      })
      const tokensBefore = await db.apiToken.count()
      const token = cli('token:create', '--email', 'token-owner@example.test', '--name', 'unaudited')
      expect([token.code, token.stdout]).toEqual([1, ''])
      expect(token.stderr).not.toContain('no user')
      expect(await db.apiToken.count()).toBe(tokensBefore)

      await restore()
      const created = create()
      expect(created.code, created.stderr).toBe(0)
      expect(await db.user.findUniqueOrThrow({ where: { email: 'audited@example.test' } })).toMatchObject({
        id: created.stdout.trim(),
      })
    } finally {
      await restore()
      await db.$disconnect()
    }
  })

  it('offboards: user:create reads the password from stdin; user:disable revokes tokens; the last admin stays', async () => {
    const admin = cliWithInput(
      'piped admin passphrase\n',
      'user:create',
      '--email',
      'boss@example.test',
      '--role',
      'admin',
    )
    expect(admin.code, admin.stderr).toBe(0)

    // bms@ holds an API token (created above): disabling it revokes the token and ends its sessions.
    const gone = cli('user:disable', '--email', 'bms@example.test')
    expect(gone.stderr).toContain('bms@example.test: admin, disabled')
    const demoted = cli('user:role', '--email', 'night.guard@example.test', '--role', 'manager')
    expect(demoted.code, demoted.stderr).toBe(0)

    const db = createDb({ databaseUrl: DATABASE_URL })
    try {
      const bms = await db.user.findUniqueOrThrow({ where: { email: 'bms@example.test' }, include: { tokens: true } })
      expect(bms.disabledAt).not.toBeNull()
      expect(bms.sessionVersion).toBe(1)
      expect(bms.tokens.length).toBeGreaterThan(0)
      expect(bms.tokens.every((t) => t.revokedAt !== null)).toBe(true)
      const guard = await db.user.findUniqueOrThrow({ where: { email: 'night.guard@example.test' } })
      expect(guard).toMatchObject({ role: 'manager', disabledAt: null, sessionVersion: 1 })
      const actions = (await db.auditLog.findMany({ where: { targetId: { in: [bms.id, guard.id] } } })).map(
        (a) => a.action,
      )
      expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.role_changed']))
      // Leave boss@ as the only active admin.
      await db.user.updateMany({
        where: { role: 'admin', email: { not: 'boss@example.test' } },
        data: { disabledAt: new Date() },
      })
    } finally {
      await db.$disconnect()
    }
    const refused = cli('user:disable', '--email', 'boss@example.test')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('last active admin')
  })

  it('refuses a bad role with exit 1 and a clear message naming --role', () => {
    const { code, stdout, stderr } = cli(
      'user:create',
      '--email',
      'x@example.test',
      '--password',
      'long-enough-password',
      '--role',
      'janitor',
    )
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^error: --role: .*guard.*admin.*manager/m)
  })

  it('refuses a duplicate user, a short password, an unknown email and an unknown command with exit 1', () => {
    const duplicate = cli(
      'user:create',
      '--email',
      'bms@example.test',
      '--password',
      'long-enough-password',
      '--role',
      'guard',
    )
    expect([duplicate.code, duplicate.stderr]).toEqual([1, expect.stringContaining('already exists')])
    const short = cli('user:create', '--email', 'y@example.test', '--password', 'short', '--role', 'guard')
    expect([short.code, short.stderr]).toEqual([
      1,
      expect.stringContaining('--password: must be at least 10 characters'),
    ])
    const unknown = cli('token:create', '--email', 'nobody@example.test')
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([
      1,
      '',
      expect.stringContaining('--email: no user nobody@example.test'),
    ])
    const command = cli('user:delete')
    expect([command.code, command.stderr]).toEqual([1, expect.stringContaining('unknown command "user:delete"')])
  })

  it('stops with one configuration line for a malformed DATABASE_URL', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'mysql://nope' }
    const result = spawnSync(TSX, ['cli/main.ts', 'user:list'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      'Configuration error: DATABASE_URL: must be file:<path> (SQLite) or postgresql://… (PostgreSQL)',
    )
  })
})
