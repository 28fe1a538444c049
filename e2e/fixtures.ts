// Playwright fixtures (Documenso style): each test seeds its own operators, with unique emails, straight
// into the e2e server's database, and signs in through the real form. The sign-in throttle counts attempts
// per account+address AND per client address (every e2e request comes from 127.0.0.1), so the throttle table
// is emptied before each test: one test's deliberate failures can never slow the next test down.
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { test as base, expect } from '@playwright/test'
import type { Role } from '@/lib/domain/enums'
import { E2E_DATABASE_URL } from './e2e-env'
import { LoginPage } from './pages/login-page'
import type { SeedReply, SeedRequest } from './support/seed-process'

export type SeededUser = { id: string; email: string; password: string; role: Role; name: string }

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** The app's own createUser etc., run by a tsx child process on the e2e database (WAL lets both write). */
class Seeder {
  private next = 0
  private readonly pending = new Map<number, { resolve(reply: SeedReply): void; reject(error: Error): void }>()

  constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: SeedReply) => {
      this.pending.get(reply.id)?.resolve(reply)
      this.pending.delete(reply.id)
    })
    child.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`seed process exited (${code})`))
      this.pending.clear()
    })
  }

  static start(): Seeder {
    const child = fork(path.join(__dirname, 'support/seed-process.ts'), [], {
      cwd: path.resolve(__dirname, '..'),
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    return new Seeder(child)
  }

  async send(request: DistributiveOmit<SeedRequest, 'id'>): Promise<SeedReply & { ok: true }> {
    const id = ++this.next
    const reply = await new Promise<SeedReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.child.send({ ...request, id })
    })
    if (!reply.ok) throw new Error(`seeding failed: ${reply.error}`)
    return reply
  }

  stop(): void {
    this.child.disconnect()
  }
}

type TestFixtures = {
  seedUser(role: Role): Promise<SeededUser>
  loginPage: LoginPage
  /** Seeds an operator of this role and signs in as them; resolves once the signed-in shell shows them. */
  signInAs(role: Role): Promise<SeededUser>
  cleanThrottle: void
}
type WorkerFixtures = { seeder: Seeder }

export const test = base.extend<TestFixtures, WorkerFixtures>({
  seeder: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const seeder = Seeder.start()
      await use(seeder)
      seeder.stop()
    },
    { scope: 'worker' },
  ],

  cleanThrottle: [
    async ({ seeder }, use) => {
      await seeder.send({ type: 'clearThrottle' })
      await use()
    },
    { auto: true },
  ],

  seedUser: async ({ seeder }, use, testInfo) => {
    let n = 0
    await use(async (role) => {
      const tag = `${testInfo.testId.slice(0, 8)}-${++n}-${randomBytes(3).toString('hex')}`
      const user = {
        email: `${role}-${tag}@e2e.test`,
        password: `pw-${randomBytes(8).toString('hex')}`,
        role,
        name: `E2E ${role} ${tag}`,
      }
      const { userId } = await seeder.send({ type: 'createUser', ...user })
      return { id: userId!, ...user }
    })
  },

  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page))
  },

  signInAs: async ({ seedUser, loginPage, page }, use) => {
    await use(async (role) => {
      const user = await seedUser(role)
      await loginPage.goto()
      await loginPage.signIn(user.email, user.password)
      await expect(page.getByTestId('user-name')).toHaveText(user.name)
      return user
    })
  },
})

export { expect }
