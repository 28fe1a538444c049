// What each retention class removes, once older than its window: the rows, how to count them, how to pick a batch
// (oldest first, through an index on the time column) and how to delete it. What a class never removes:
// enrolled photos (a credential's photo, whatever its age), unresolved alarms, calls still in progress, and
// sign-in counters whose wait is still running. Deleting a snapshot or a raw message clears the references to it
// (ON DELETE SET NULL, indexed); deleting a call or an alarm takes its history and notes with it.
import type { Db, Tx } from '@/lib/db/client'
import type { RetentionClass } from '@/lib/settings/retention-schema'

type Reader = Pick<Db, 'accessEvent' | 'snapshot' | 'inboundMessage' | 'call' | 'alarm' | 'auditLog' | 'loginThrottle'>
type Writer = Pick<Tx, 'accessEvent' | 'snapshot' | 'inboundMessage' | 'call' | 'alarm' | 'auditLog' | 'loginThrottle'>

export type PurgeClass = {
  count(db: Reader, cutoff: Date, now: Date): Promise<number>
  /** Up to `take` keys of rows to remove, oldest first. */
  pick(db: Reader, cutoff: Date, now: Date, take: number): Promise<string[]>
  /** Removes those rows that still qualify (checked again inside the delete). */
  remove(tx: Writer, keys: string[], cutoff: Date, now: Date): Promise<number>
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)

const accessEvents = (cutoff: Date) => ({ occurredAt: { lt: cutoff } })
const snapshots = (cutoff: Date) => ({ createdAt: { lt: cutoff }, credentials: { none: {} } })
const rawMessages = (cutoff: Date) => ({ receivedAt: { lt: cutoff } })
// A call with no signal since the cutoff is over, whatever its last state (Tuya rarely reports a hang-up).
const calls = (cutoff: Date) => ({ startedAt: { lt: cutoff }, lastSignalAt: { lt: cutoff } })
const alarms = (cutoff: Date) => ({ state: 'resolved', lastAt: { lt: cutoff } })
const auditLog = (cutoff: Date) => ({ at: { lt: cutoff } })
const signInThrottle = (cutoff: Date, now: Date) => ({
  windowStart: { lt: cutoff },
  OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
})

export const PURGE_CLASSES: Record<RetentionClass, PurgeClass> = {
  accessEvents: {
    count: (db, cutoff) => db.accessEvent.count({ where: accessEvents(cutoff) }),
    pick: async (db, cutoff, _now, take) =>
      ids(
        await db.accessEvent.findMany({
          where: accessEvents(cutoff),
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
          take,
          select: { id: true },
        }),
      ),
    remove: async (tx, keys, cutoff) =>
      (await tx.accessEvent.deleteMany({ where: { id: { in: keys }, ...accessEvents(cutoff) } })).count,
  },
  snapshots: {
    count: (db, cutoff) => db.snapshot.count({ where: snapshots(cutoff) }),
    pick: async (db, cutoff, _now, take) =>
      ids(
        await db.snapshot.findMany({
          where: snapshots(cutoff),
          orderBy: { createdAt: 'asc' },
          take,
          select: { id: true },
        }),
      ),
    // A photo enrolled since the pick is kept.
    remove: async (tx, keys, cutoff) =>
      (await tx.snapshot.deleteMany({ where: { id: { in: keys }, ...snapshots(cutoff) } })).count,
  },
  rawMessages: {
    count: (db, cutoff) => db.inboundMessage.count({ where: rawMessages(cutoff) }),
    pick: async (db, cutoff, _now, take) =>
      ids(
        await db.inboundMessage.findMany({
          where: rawMessages(cutoff),
          orderBy: { receivedAt: 'asc' },
          take,
          select: { id: true },
        }),
      ),
    remove: async (tx, keys, cutoff) =>
      (await tx.inboundMessage.deleteMany({ where: { id: { in: keys }, ...rawMessages(cutoff) } })).count,
  },
  calls: {
    count: (db, cutoff) => db.call.count({ where: calls(cutoff) }),
    pick: async (db, cutoff, _now, take) =>
      ids(await db.call.findMany({ where: calls(cutoff), orderBy: { startedAt: 'asc' }, take, select: { id: true } })),
    remove: async (tx, keys, cutoff) =>
      (await tx.call.deleteMany({ where: { id: { in: keys }, ...calls(cutoff) } })).count,
  },
  alarms: {
    count: (db, cutoff) => db.alarm.count({ where: alarms(cutoff) }),
    pick: async (db, cutoff, _now, take) =>
      ids(await db.alarm.findMany({ where: alarms(cutoff), orderBy: { lastAt: 'asc' }, take, select: { id: true } })),
    remove: async (tx, keys, cutoff) =>
      (await tx.alarm.deleteMany({ where: { id: { in: keys }, ...alarms(cutoff) } })).count,
  },
  auditLog: {
    count: (db, cutoff) => db.auditLog.count({ where: auditLog(cutoff) }),
    pick: async (db, cutoff, _now, take) =>
      ids(
        await db.auditLog.findMany({
          where: auditLog(cutoff),
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          take,
          select: { id: true },
        }),
      ),
    remove: async (tx, keys, cutoff) =>
      (await tx.auditLog.deleteMany({ where: { id: { in: keys }, ...auditLog(cutoff) } })).count,
  },
  signInThrottle: {
    count: (db, cutoff, now) => db.loginThrottle.count({ where: signInThrottle(cutoff, now) }),
    pick: async (db, cutoff, now, take) =>
      (
        await db.loginThrottle.findMany({
          where: signInThrottle(cutoff, now),
          orderBy: { windowStart: 'asc' },
          take,
          select: { key: true },
        })
      ).map((r) => r.key),
    remove: async (tx, keys, cutoff, now) =>
      (await tx.loginThrottle.deleteMany({ where: { key: { in: keys }, ...signInThrottle(cutoff, now) } })).count,
  },
}
