// After an erasure, the deleted bytes must leave the database files too. SQLite (secure_delete on, see
// configureSqlite) has zeroed the freed pages in the write-ahead log; a checkpoint copies them over the main file
// and truncates the log, so neither file keeps the old images. PostgreSQL keeps dead tuples until VACUUM
// reclaims them (autovacuum does; docs/resident-register.md "Erasure"), which is not ours to force per request.
import { providerOfDb, type Db } from '@/lib/db/client'

export async function reclaimErasedSpace(db: Db): Promise<void> {
  if (providerOfDb(db) !== 'sqlite') return
  // TRUNCATE waits (up to the busy timeout) for readers of older snapshots; if one outlasts it, SQLite reports
  // "busy" and the next automatic checkpoint copies the rest, pages that secure_delete has already zeroed.
  await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
}
