// What every credential write does besides its own row, in the same transaction: the resident's doors get work
// (markResidentsDirty, and the sync worker is woken after the commit), the audit row (never a PIN, never a whole
// card number) and `resident.updated` for the consoles whose register shows the counts.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { loadResidentItem } from '@/lib/residents/resident-item'
import type { Tx } from '@/lib/db/client'
import type { ChangeScope } from '@/lib/domain/run-change'
import { conflict, notFound } from '@/lib/errors'
import { markResidentsDirty } from '@/lib/sync/enqueue'
import { notifySyncPending } from '@/lib/sync/sync-signal'

export type CredentialAudit = {
  actor: Actor
  context: AuditContext
  action: string
  credentialId: string
  details?: Record<string, unknown>
}

/** The resident a credential is added to: it must exist and not be on its way out. */
export async function residentForNewCredential(tx: Tx, residentId: string) {
  const resident = await tx.resident.findUnique({
    where: { id: residentId },
    select: { id: true, status: true, phone: true, unit: { select: { label: true } } },
  })
  if (!resident) throw notFound('Resident')
  if (resident.status === 'erasing' || resident.status === 'erased') {
    throw conflict('This resident is being erased: no credential can be added', 'resident_erasing')
  }
  return resident
}

export async function recordCredentialChange(
  scope: Pick<ChangeScope, 'tx' | 'audit' | 'publish' | 'afterCommit'>,
  residentId: string,
  entry: CredentialAudit,
): Promise<void> {
  await markResidentsDirty(scope.tx, [residentId])
  scope.afterCommit(notifySyncPending)
  scope.audit({
    actor: { userId: entry.actor.userId, label: entry.actor.email },
    action: entry.action,
    targetType: 'resident',
    targetId: residentId,
    details: { credentialId: entry.credentialId, ...entry.details },
    context: entry.context,
  })
  scope.publish({ event: 'resident.updated', payload: await loadResidentItem(scope.tx, residentId) })
}
