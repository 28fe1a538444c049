// GET /api/access-events: one page of the history. Searching one resident's history is audited (folded: the same
// user paging or reloading the same resident's history within a few minutes is one entry); the first page is the
// search, later pages only continue it.
import { listAccessEvents } from '@/lib/access/data'
import { accessQuerySchema } from '@/lib/access/schema'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { filterDetails, recordView } from '@/lib/audit/record-view'
import type { Db } from '@/lib/db/client'

export async function listAccessEventsFor(
  db: Db,
  actor: Actor,
  rawQuery: Record<string, string>,
  context: AuditContext,
) {
  const query = accessQuerySchema.parse(rawQuery)
  const page = await listAccessEvents(db, query)
  if (query.residentId && !query.cursor) {
    await recordView(db, {
      actor: { userId: actor.userId, label: actor.email },
      action: 'access.searched',
      targetType: 'resident',
      targetId: query.residentId,
      details: { filter: filterDetails(rawQuery) },
      context,
    })
  }
  return page
}
