import { auditContextOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { csvOfRequest, importResidents } from '@/lib/residents/import-residents'

export const dynamic = 'force-dynamic'

/** `?dryRun=1`: the report only. Otherwise all rows or none (201, or 422 with the same report). */
export const POST = withPermission('residents.write', async ({ db, actor, request }) => {
  const dryRun = ['1', 'true'].includes(queryOf(request).dryRun ?? '')
  const report = await importResidents(db, actor, await csvOfRequest(request), { dryRun }, auditContextOf(request))
  return Response.json(report, { status: dryRun ? 200 : 201 })
})
