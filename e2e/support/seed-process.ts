// Runs under tsx as a child of the Playwright worker (see e2e/fixtures.ts) and seeds the e2e server's database
// with the app's own functions. A child process because the app's modules are ESM in places (the generated
// Prisma client uses import.meta), which Playwright's CommonJS test transform cannot load.
import { randomBytes } from 'node:crypto'
import { createDb } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { createUser } from '@/lib/users/mutations'

export type SeedRequest =
  | { id: number; type: 'createUser'; email: string; password: string; role: Role; name: string }
  | { id: number; type: 'clearThrottle' }
  | { id: number; type: 'createResident'; name: string }
export type SeedReply =
  { id: number; ok: true; userId?: string; residentId?: string } | { id: number; ok: false; error: string }

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl || !process.send) throw new Error('seed-process: run it through fork() with DATABASE_URL set')
const db = createDb({ databaseUrl })
const reply = (message: SeedReply) => process.send?.(message)

async function handle(request: SeedRequest): Promise<SeedReply> {
  if (request.type === 'clearThrottle') {
    await db.loginThrottle.deleteMany()
    return { id: request.id, ok: true }
  }
  if (request.type === 'createResident') {
    const resident = await db.resident.create({
      data: { name: request.name, externalId: `e2e-${randomBytes(6).toString('hex')}` },
    })
    return { id: request.id, ok: true, residentId: resident.id }
  }
  const user = await createUser(db, {
    email: request.email,
    password: request.password,
    role: request.role,
    name: request.name,
  })
  return { id: request.id, ok: true, userId: user.id }
}

process.on('message', (request: SeedRequest) => {
  handle(request)
    .then(reply)
    .catch((error: unknown) =>
      reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    )
})
process.on('disconnect', () => void db.$disconnect().finally(() => process.exit(0)))
