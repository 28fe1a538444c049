import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { changeRetentionSettings, readRetentionSettings } from '@/lib/retention/retention-settings'

export const dynamic = 'force-dynamic'

export const GET = withPermission('settings.read', async ({ db }) => Response.json(await readRetentionSettings(db)))

export const PUT = withPermission('settings.write', async ({ db, actor, request }) =>
  Response.json(await changeRetentionSettings(db, actor, await jsonBodyOf(request), auditContextOf(request))),
)
