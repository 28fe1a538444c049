import { unlockDevice } from '@/lib/devices/unlock-device'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'
import { getTuyaClient } from '@/lib/tuya/openapi/app-client'

export const dynamic = 'force-dynamic'

export const POST = withRole<{ id: string }>(['guard', 'admin'], async ({ db, actor, request, params }) =>
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
