// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (default: the SQLite file under ./data).
import { migrateDatabase } from '@/lib/db/migrate'
import { getEnv } from '@/lib/env'

const { databaseUrl } = getEnv()
migrateDatabase(databaseUrl)
  .then(({ applied, alreadyApplied }) => {
    console.log(applied.length ? `applied ${applied.join(', ')}` : `up to date (${alreadyApplied} migrations)`)
  })
  .catch((error: Error) => {
    console.error(`migration failed: ${error.message}`)
    process.exit(1)
  })
