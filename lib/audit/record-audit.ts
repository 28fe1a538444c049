// The audit trail of operator actions (logins, unlocks, alarm handling, resident changes, exports, tokens).
// Changes record audit rows through runChange's `audit` (lib/domain/run-change.ts), which writes them here in the
// change's own transaction; nothing else calls recordAudit. Rows are append-only: a database trigger refuses any
// UPDATE but an erasure's redaction (prisma/migrations/*_history_retention), and only retention deletes them
// (lib/audit/append-only.test.ts).
import type { Db } from '@/lib/db/client'

export type AuditActor = { userId: string | null; label: string }
export type AuditContext = { ip?: string | null; userAgent?: string | null }

export type AuditEntry = {
  actor: AuditActor
  action: string
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
  context?: AuditContext
  /** When it happened (default: now, as the database writes it). */
  at?: Date
}

type AuditWriter = Pick<Db, 'auditLog'>

export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      ...(entry.at ? { at: entry.at } : {}),
      actorId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      ip: entry.context?.ip ?? null,
      userAgent: entry.context?.userAgent?.slice(0, 300) ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    },
  })
}
