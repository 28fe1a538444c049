// GET /api/access-events/export: validates the format and filters, audits the export, streams the CSV.
import { z } from 'zod'
import { accessCsvStream } from '@/lib/access/export-csv'
import { accessQuerySchema } from '@/lib/access/schema'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'

const exportQuerySchema = accessQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.literal('csv', { error: 'format: only csv is supported' }).default('csv'),
})

export async function exportAccessEvents(db: Db, actor: Actor, query: Record<string, string>, context: AuditContext) {
  const { format: _format, ...filter } = exportQuerySchema.parse(query)
  await runChange(db, async ({ audit }) =>
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'access.export',
      targetType: 'access_events',
      details: { filter: Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'format')) },
      context,
    }),
  )
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  return new Response(accessCsvStream(db, filter), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="access-events-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  })
}
