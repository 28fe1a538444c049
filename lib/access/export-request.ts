// GET /api/access-events/export: validates the format and filters, audits the export, streams the CSV (times in
// the building's zone with its offset).
import { z } from 'zod'
import { resolveAccessFilter } from '@/lib/access/access-filter'
import { accessCsvStream } from '@/lib/access/export-csv'
import { accessQuerySchema } from '@/lib/access/schema'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { filterDetails } from '@/lib/audit/record-view'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { csvDownloadHeaders } from '@/lib/reports/csv'

const exportQuerySchema = accessQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.literal('csv', { error: 'format: only csv is supported' }).default('csv'),
})

export async function exportAccessEvents(db: Db, actor: Actor, query: Record<string, string>, context: AuditContext) {
  const { format: _format, ...filter } = exportQuerySchema.parse(query)
  const now = new Date()
  await resolveAccessFilter(db, filter, now) // a bad combination is a 400 before anything is written
  await runChange(db, async ({ audit }) =>
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'access.export',
      targetType: filter.residentId ? 'resident' : 'access_events',
      ...(filter.residentId ? { targetId: filter.residentId } : {}),
      details: { filter: filterDetails(query) },
      context,
    }),
  )
  return new Response(accessCsvStream(db, filter, { now }), { headers: csvDownloadHeaders('access-events', now) })
}
