import { unlockDevice } from '@/lib/devices/unlock-device'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { getTuyaClient } from '@/lib/tuya/openapi/app-client'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('doors.open', async ({ db, actor, request, params }) =>
  Response.json(
    await unlockDevice(
      db,
      getTuyaClient(),
      actor,
      { deviceId: params.id, idempotencyKey: request.headers.get('idempotency-key'), body: await jsonBodyOf(request) },
      auditContextOf(request),
    ),
  ),
)
