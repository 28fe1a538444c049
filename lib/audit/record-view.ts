// Audited reads: who looked at a face (a snapshot or an enrolled photo), whose history was searched. A person
// opening the same thing again and again (paging back and forth, reloading) would bury the trail in repeats, so a
// repeat view by the same user of the same object within VIEW_FOLD_WINDOW_MS is folded into the first: it is
// skipped, not counted, because audit rows are append-only (never updated). Two views racing within milliseconds
// may both be written; folding only keeps the trail readable, it is not a security boundary.
import type { AuditEntry } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'

export const VIEW_FOLD_WINDOW_MS = 5 * 60_000

/** A request's query as the audit trail records it: every filter given, not the paging or the format. */
export function filterDetails(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([k]) => !['format', 'limit', 'cursor'].includes(k)))
}

export type ViewEntry = AuditEntry & { targetType: string; targetId: string }

/** Records the view unless the same actor's same action on the same object is already recorded within the window. */
export async function recordView(db: Db, entry: ViewEntry, now = new Date()): Promise<'recorded' | 'folded'> {
  return runChange(db, async ({ tx, audit }) => {
    const recent = await tx.auditLog.findFirst({
      where: {
        actorId: entry.actor.userId,
        actorLabel: entry.actor.label,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        at: { gt: new Date(now.getTime() - VIEW_FOLD_WINDOW_MS), lte: now },
      },
      select: { id: true },
    })
    if (recent) return 'folded'
    audit({ ...entry, at: now })
    return 'recorded'
  })
}

/**
 * A full-size snapshot was served: an access or call capture, or a resident's enrolled photo (a face credential's
 * photo). Thumbnails in lists are not recorded (a page of the access log shows fifty); opening one is.
 */
export async function recordSnapshotView(
  db: Db,
  viewer: Pick<ViewEntry, 'actor' | 'context'>,
  snapshotId: string,
  now = new Date(),
) {
  const enrolled = await db.credential.findFirst({ where: { photoId: snapshotId }, select: { residentId: true } })
  return recordView(
    db,
    enrolled
      ? {
          ...viewer,
          action: 'photo.viewed',
          targetType: 'snapshot',
          targetId: snapshotId,
          details: { residentId: enrolled.residentId },
        }
      : { ...viewer, action: 'snapshot.viewed', targetType: 'snapshot', targetId: snapshotId },
    now,
  )
}
