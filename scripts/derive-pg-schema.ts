// Derives prisma/postgres/schema.prisma from prisma/schema.prisma: a Prisma client is generated for one
// provider, so PostgreSQL needs its own schema file, identical but for provider and output.
// `tsx scripts/derive-pg-schema.ts` writes it; `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function derivePostgresSchema(sqliteSchema: string): string {
  const body = sqliteSchema
    .replace(/^(\/\/.*\n)+/, '')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output   = "../lib/db/generated/sqlite"', 'output   = "../../lib/db/generated/postgres"')
  return `// GENERATED from prisma/schema.prisma by scripts/derive-pg-schema.ts: edit that file, not this one.\n${body}`
}

const root = path.resolve(__dirname, '..')
const source = path.join(root, 'prisma/schema.prisma')
const target = path.join(root, 'prisma/postgres/schema.prisma')

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const derived = derivePostgresSchema(readFileSync(source, 'utf8'))
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== derived) {
      console.error('prisma/postgres/schema.prisma is stale: run `npm run db:derive-pg`')
      process.exit(1)
    }
  } else {
    writeFileSync(target, derived)
  }
}
