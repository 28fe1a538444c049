// One purge at a time across every app instance: a lease row in KeyValue whose value is `<expiry ms>|<owner>`
// (the expiry zero-padded, so comparing the text compares the times). Claiming is one upsert that only takes the
// row over when it has expired or is already ours, on SQLite and PostgreSQL alike; a crashed holder's lease runs
// out and the next instance takes it.
import type { Db } from '@/lib/db/client'

export const PURGE_LEASE_KEY = 'retention.purge.lease'

const padded = (ms: number) => String(ms).padStart(15, '0')

/** Takes (or renews) the lease for `ttlMs`; false when another owner holds an unexpired one. */
export async function claimLease(db: Db, owner: string, ttlMs: number, now = new Date(), key = PURGE_LEASE_KEY) {
  const value = `${padded(now.getTime() + ttlMs)}|${owner}`
  const expired = padded(now.getTime())
  const mine = `%|${owner}`
  const changed = await db.$executeRaw`
    INSERT INTO "KeyValue" ("key", "value", "updatedAt") VALUES (${key}, ${value}, ${now})
    ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"
    WHERE "KeyValue"."value" < ${expired} OR "KeyValue"."value" LIKE ${mine}`
  return changed === 1
}

/** Gives the lease up (only if it is still ours). */
export async function releaseLease(db: Db, owner: string, key = PURGE_LEASE_KEY): Promise<void> {
  await db.keyValue.deleteMany({ where: { key, value: { endsWith: `|${owner}` } } })
}
