import path from 'node:path'
import { defineConfig } from 'prisma/config'

// Offline machines cannot download Prisma's native schema engine. `generate` only checks that the file exists;
// migrations are applied by lib/db/migrate.ts instead (see README "Database").
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma', 'no-schema-engine.sh')

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
