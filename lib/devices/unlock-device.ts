// Remote unlock through Tuya's OpenAPI (password ticket → password-free door operate). A door must never open
// twice because something retried: the browser sends an Idempotency-Key per confirmed click, the first request
// claims it in the database (committed) before calling Tuya, and any repeat gets the recorded outcome instead of
// a new command. The Tuya client itself never retries the operate call. The outcome and its audit row are then
// written as one change: if that write fails, the claim stays "sending", so a retry is refused (409), never re-sent.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import type { UnlockOutcome } from '@/lib/devices/schema'
import { isUniqueViolation } from '@/lib/db/errors'
import { runChange } from '@/lib/domain/run-change'
import { AppError, badRequest, conflict, notFound } from '@/lib/errors'
import { TuyaApiError, TuyaTransportError } from '@/lib/tuya/errors'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

export const unlockBodySchema = z.object({
  reason: z.string().trim().max(300).optional(),
  callId: z.string().optional(),
})

const keyOf = (idempotencyKey: string) => `unlock:${idempotencyKey}`

export async function unlockDevice(
  db: Db,
  client: Pick<TuyaClient, 'remoteUnlock'>,
  actor: Actor,
  input: { deviceId: string; idempotencyKey: string | null; body: unknown },
  context: AuditContext,
): Promise<UnlockOutcome> {
  const body = unlockBodySchema.parse(input.body ?? {})
  if (!input.idempotencyKey || !/^[\w-]{8,100}$/.test(input.idempotencyKey)) {
    throw badRequest('Idempotency-Key header: a unique id per unlock request (8–100 letters, digits, - or _)')
  }
  const claimKey = keyOf(input.idempotencyKey)
  const device = await db.device.findUnique({ where: { id: input.deviceId } })
  if (!device) throw notFound('Device')

  try {
    await db.keyValue.create({
      data: { key: claimKey, value: JSON.stringify({ state: 'sending', by: actor.userId }) },
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const previous = await db.keyValue.findUnique({ where: { key: claimKey } })
    const recorded = previous ? (JSON.parse(previous.value) as { state: string; outcome?: UnlockOutcome }) : null
    if (recorded?.outcome) return recorded.outcome
    throw conflict('This unlock request is already being sent; not sending it again', 'unlock_in_progress')
  }

  let outcome: UnlockOutcome
  let failure: AppError | null = null
  try {
    const result = await client.remoteUnlock(device.tuyaId)
    outcome = { ok: result.accepted, deviceId: device.id, accepted: result.accepted }
  } catch (error) {
    if (error instanceof TuyaApiError) {
      outcome = {
        ok: false,
        deviceId: device.id,
        accepted: false,
        tuya: { code: error.code, msg: error.msg, tid: error.tid },
      }
      failure = new AppError(
        'tuya_error',
        `Tuya refused the unlock: ${error.msg} (code ${error.code})`,
        502,
        outcome.tuya,
      )
    } else if (error instanceof TuyaTransportError && error.outcomeUnknown) {
      outcome = { ok: false, deviceId: device.id, accepted: false }
      failure = new AppError('unlock_outcome_unknown', error.message, 504)
    } else {
      outcome = { ok: false, deviceId: device.id, accepted: false }
      failure = new AppError('tuya_unreachable', `Could not reach Tuya: ${(error as Error).message}`, 502)
    }
  }
  try {
    await runChange(db, async ({ tx, audit }) => {
      await tx.keyValue.update({
        where: { key: claimKey },
        data: { value: JSON.stringify({ state: 'done', outcome }) },
      })
      audit({
        actor: { userId: actor.userId, label: actor.email },
        action: outcome.ok ? 'device.unlock' : 'device.unlock_failed',
        targetType: 'device',
        targetId: device.id,
        details: {
          device: device.name,
          reason: body.reason,
          callId: body.callId,
          ...(outcome.tuya ? { tuya: outcome.tuya } : {}),
          ...(failure ? { error: failure.message } : {}),
        },
        context,
      })
    })
  } catch (error) {
    // The command has gone to Tuya; only its record is missing. Say what was sent, and keep it in the log.
    console.error(`[unlock] outcome for ${device.name} not recorded:`, JSON.stringify(outcome), error)
    throw new AppError(
      'unlock_not_recorded',
      `The unlock was sent (Tuya ${outcome.accepted ? 'accepted' : 'did not accept'} it) but could not be recorded; ` +
        'it will not be sent again for this request',
      500,
      { accepted: outcome.accepted },
    )
  }
  if (failure) throw failure
  return outcome
}
