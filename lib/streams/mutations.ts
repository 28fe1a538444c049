// Opening a call's live view (docs/live-view.md): only while the call is live, only for a camera, allocated
// through Tuya's OpenAPI on the server (the browser never holds Tuya credentials nor sees Tuya's URL), and
// recorded in the audit trail: watching a door camera is an operator action like any other.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { AppError, conflict, notFound } from '@/lib/errors'
import type { AllowedHosts } from '@/lib/snapshots/allowed-hosts'
import type { CallStream } from '@/lib/streams/schema'
import { streamPartPath } from '@/lib/streams/proxy-stream'
import { TuyaApiError } from '@/lib/tuya/errors'
import type { StreamApi } from '@/lib/tuya/openapi/openapi-streams'

/** How long the browser's proxy link plays before it must ask again (Tuya's own URL may expire sooner: 410). */
export const STREAM_LINK_TTL_MS = 10 * 60_000

/** Device categories with a camera Tuya streams from (the IPC "sp" door station). */
const STREAMING_CATEGORIES = new Set(['door_station'])

export type OpenStreamDeps = {
  api: StreamApi
  secret: string
  allowedHosts: AllowedHosts
  now?: () => number
}

export async function openCallStream(
  db: Db,
  depsOf: () => OpenStreamDeps,
  actor: Actor,
  callId: string,
  context: AuditContext,
): Promise<CallStream> {
  const call = await db.call.findUnique({ where: { id: callId }, include: { device: true } })
  if (!call) throw notFound('Call')
  if (call.endedAt || (call.state !== 'ringing' && call.state !== 'answered')) {
    throw conflict(`The call has ended (${call.state}); there is nothing live to watch`, 'call_ended')
  }
  if (!STREAMING_CATEGORIES.has(call.device.category)) {
    throw new AppError('stream_unsupported', `${call.device.name} has no camera stream`, 422)
  }
  const deps = depsOf()
  let upstream: string
  try {
    upstream = await deps.api.allocateStream(call.device.tuyaId, 'hls')
  } catch (error) {
    if (error instanceof TuyaApiError) {
      throw new AppError('tuya_error', `Tuya refused the live view: ${error.msg} (code ${error.code})`, 502, {
        code: error.code,
        msg: error.msg,
        tid: error.tid,
      })
    }
    throw new AppError('tuya_unreachable', `Could not reach Tuya: ${(error as Error).message}`, 502)
  }
  const url = URL.canParse(upstream) ? new URL(upstream) : null
  if (!url || !deps.allowedHosts.match(url)) {
    throw new AppError('stream_host_refused', 'Tuya named a stream host that is not allowed', 502)
  }
  const expiresAt = (deps.now ?? Date.now)() + STREAM_LINK_TTL_MS
  await runChange(db, async ({ audit }) => {
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'call.live_view_opened',
      targetType: 'call',
      targetId: call.id,
      details: { device: call.device.name },
      context,
    })
  })
  return {
    url: streamPartPath({ u: url.toString(), k: 'playlist', uid: actor.userId, exp: expiresAt }, deps.secret),
    expiresAt: new Date(expiresAt).toISOString(),
  }
}
