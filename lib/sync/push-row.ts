// One push: the desired state of a resident × device against what the device holds, sent the way that device
// takes residents (persons API or lock members), or only noted for devices that take none.
import { type Applied, emptyApplied } from '@/lib/sync/applied-state'
import { computeDesired, nextWindowEdge, type SyncContext, syncModelOf } from '@/lib/sync/desired-state'
import type { PushDeps } from '@/lib/sync/push-deps'
import { pushAccessControl } from '@/lib/sync/push-access-control'
import { pushLock } from '@/lib/sync/push-lock'

export type PushResult = { applied: Applied; nextEdge: Date | null }

export async function pushRow(ctx: SyncContext, applied: Applied, deps: PushDeps): Promise<PushResult> {
  const now = deps.now()
  const model = syncModelOf(ctx.device.category)
  const desired = computeDesired({ ...ctx, model, now })
  const nextEdge = desired ? nextWindowEdge(ctx.credentials, now) : null
  if (model === 'unsupported') {
    const noted = { ...emptyApplied(), notes: desired?.notes ?? [] }
    await deps.record(noted)
    return { applied: noted, nextEdge: null }
  }
  const result =
    model === 'lock'
      ? await pushLock(ctx.device.tuyaId, desired, applied, deps)
      : await pushAccessControl(ctx.device.tuyaId, ctx.resident.externalId, desired, applied, deps)
  return { applied: result, nextEdge }
}
