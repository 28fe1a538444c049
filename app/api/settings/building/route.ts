import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { readBuildingSettings, updateBuildingSettings } from '@/lib/settings/building'

export const dynamic = 'force-dynamic'

export const GET = withPermission('settings.read', async ({ db }) => Response.json(await readBuildingSettings(db)))

export const PUT = withPermission('settings.write', async ({ db, actor, request }) =>
  Response.json(await updateBuildingSettings(db, actor, await jsonBodyOf(request), auditContextOf(request))),
)
