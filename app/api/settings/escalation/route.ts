import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { readEscalationSettings, updateEscalationSettings } from '@/lib/settings/escalation'

export const dynamic = 'force-dynamic'

/** Minutes an unacknowledged alarm of each priority waits before it escalates. */
export const GET = withPermission('settings.read', async ({ db }) => Response.json(await readEscalationSettings(db)))

export const PUT = withPermission('settings.write', async ({ db, actor, request }) =>
  Response.json(await updateEscalationSettings(db, actor, await jsonBodyOf(request), auditContextOf(request))),
)
