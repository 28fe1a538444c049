// Test support: make the next INSERT into a table fail inside the database itself (a trigger), so a test can
// prove that a change failing at its last step leaves nothing half-written. Real database, no mock.
import type { Db, DbProvider } from '@/lib/db/client'

const TRIGGER = 'inject_failure'

export async function failInsertsInto(db: Db, provider: DbProvider, table: string): Promise<() => Promise<void>> {
  if (provider === 'sqlite') {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${TRIGGER}_${table} BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    )
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${TRIGGER}_${table}`))
  }
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
  )
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${TRIGGER}_${table} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${TRIGGER}()`,
  )
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${TRIGGER}_${table} ON "${table}"`))
}
