// Operator CLI: `npm run cli -- <command>`. Results go to stdout (token:create prints the token alone);
// messages go to stderr so `TOKEN=$(npm run -s cli -- token:create --email E)` works.
import { parseArgs } from 'node:util'
import { createDb, type Db } from '@/lib/db/client'
import { migrateDatabase } from '@/lib/db/migrate'
import { EnvError, getEnv } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { roleSchema } from '@/lib/domain/enums'
import { findUserByEmail, listUsers } from '@/lib/users/data'
import { updateUserAccess } from '@/lib/users/offboarding'
import { readNewPassword } from './read-password'
import { createUser, issueToken, revokeToken, type ChangedBy } from '@/lib/users/mutations'

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  user:create --email E --role guard|admin|manager [--name N] [--password P]
                 without --password: asked twice at a hidden prompt, or read from the first line of stdin
  user:list
  user:disable --email E     ends their sessions, revokes their tokens, drops their live connections
  user:enable --email E
  user:role --email E --role guard|admin|manager   (also ends sessions and revokes tokens)
  token:create --email E [--name N] [--days D]   prints the new API token alone on stdout (shown once);
                 expires after D days (default 90)
  token:revoke --id TOKEN_ID
  --help

Uses DATABASE_URL (default: the SQLite file under ./data) and applies pending migrations first.`

/** The audit trail names the CLI as the actor of its changes. */
const BY_CLI: ChangedBy = { actor: { userId: null, label: 'cli' } }

async function userByEmail(db: Db, value: string | undefined) {
  const user = await findUserByEmail(db, value ?? '')
  if (!user) throw new AppError('not_found', `--email: no user ${value ?? '(missing)'}`)
  return user
}

async function run(db: Db, command: string, values: Record<string, string | undefined>): Promise<void> {
  switch (command) {
    case 'user:create': {
      const password = values.password ?? (await readNewPassword(process.stdin, process.stderr))
      const user = await createUser(
        db,
        { email: values.email ?? '', password, role: values.role as 'guard', name: values.name },
        BY_CLI,
      )
      console.error(`created ${user.role} ${user.email}`)
      console.log(user.id)
      return
    }
    case 'user:list':
      for (const u of await listUsers(db))
        console.log(`${u.id}\t${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}`)
      return
    case 'user:disable':
    case 'user:enable':
    case 'user:role': {
      const user = await userByEmail(db, values.email)
      const role = roleSchema.safeParse(values.role)
      if (command === 'user:role' && !role.success) throw new AppError('bad_request', '--role: guard, admin or manager')
      const change = command === 'user:role' ? { role: role.data } : { disabled: command === 'user:disable' }
      const updated = await updateUserAccess(db, BY_CLI, user.id, change)
      console.error(`${updated.email}: ${updated.role}${updated.disabled ? ', disabled' : ''}`)
      return
    }
    case 'token:create': {
      const user = await userByEmail(db, values.email)
      const days = values.days ? Number(values.days) : undefined
      if (days !== undefined && (!Number.isInteger(days) || days < 1))
        throw new AppError('bad_request', '--days: a whole number ≥ 1')
      const created = await issueToken(db, BY_CLI, user.id, { name: values.name ?? 'cli', expiresInDays: days })
      console.error(`created token ${created.id} for ${user.email} (shown once)`)
      console.log(created.token)
      return
    }
    case 'token:revoke': {
      if (!values.id) throw new AppError('bad_request', '--id: the token id (see the Users & tokens page)')
      await revokeToken(db, BY_CLI, values.id)
      console.error(`revoked ${values.id}`)
      return
    }
    default:
      throw new AppError('bad_request', `unknown command "${command}"\n\n${HELP}`)
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      days: { type: 'string' },
      id: { type: 'string' },
    },
  })
  const command = positionals[0]
  if (values.help || !command) {
    console.log(HELP)
    return
  }
  const env = getEnv()
  await migrateDatabase(env.databaseUrl)
  const db = createDb({ databaseUrl: env.databaseUrl })
  try {
    await run(db, command, values as Record<string, string | undefined>)
  } finally {
    await db.$disconnect()
  }
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) error.lines.forEach((line) => console.error(`Configuration error: ${line}`))
  else if (error instanceof AppError) console.error(`error: ${error.message}`)
  else if (error && typeof error === 'object' && 'issues' in error) {
    for (const issue of (error as { issues: { path: PropertyKey[]; message: string }[] }).issues) {
      console.error(`error: --${String(issue.path[0])}: ${issue.message}`)
    }
  } else console.error(`error: ${(error as Error)?.message ?? String(error)}`)
  process.exit(1)
})
