// GET /api/audit/export: validates the format and filters, records the export in the trail itself (before the
// first byte is sent), and streams the CSV.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/actor'
import { auditWhere } from '@/lib/audit/data'
import { auditCsvStream } from '@/lib/audit/export-csv'
import type { AuditContext } from '@/lib/audit/record-audit'
import { filterDetails } from '@/lib/audit/record-view'
import { auditFilterSchema } from '@/lib/audit/schema'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { csvDownloadHeaders } from '@/lib/reports/csv'
import { readBuildingTimeZone } from '@/lib/settings/building'

const exportQuerySchema = auditFilterSchema.extend({
  format: z.literal('csv', { error: 'format: only csv is supported' }).default('csv'),
})

export async function exportAudit(db: Db, actor: Actor, query: Record<string, string>, context: AuditContext) {
  const { format: _format, ...filter } = exportQuerySchema.parse(query)
  auditWhere(filter) // a bad combination is a 400 before anything is written
  const now = new Date()
  await runChange(db, async ({ audit }) =>
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'audit.export',
      targetType: 'audit_log',
      details: { filter: filterDetails(query) },
      context,
      at: now,
    }),
  )
  const timeZone = await readBuildingTimeZone(db)
  return new Response(auditCsvStream(db, filter, { timeZone }), { headers: csvDownloadHeaders('audit', now) })
}
