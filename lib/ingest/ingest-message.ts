// THE way in for every event (webhook, message service, backfill): record the inbound message once → normalise
// → persist domain rows in the same transaction → broadcast after commit. A redelivered or re-posted message is
// found by its source id and neither stored nor broadcast again.
import type { Db } from '@/lib/db/client'
import { isUniqueViolation } from '@/lib/db/errors'
import type { IngestContext, IngestedRef } from '@/lib/ingest/ingest-context'
import { normaliseMessage } from '@/lib/ingest/normalise-message'
import type { NormalisedMessage } from '@/lib/ingest/normalised'
import { persistAccess } from '@/lib/ingest/persist-access'
import { persistAlarm } from '@/lib/ingest/persist-alarm'
import { persistCallSignal } from '@/lib/ingest/persist-call'
import { ensureDevice, persistDeviceChange } from '@/lib/ingest/persist-device'
import { sourceMessageIdOf } from '@/lib/ingest/source-id'
import { appendLiveEvents, emitLiveEvents } from '@/lib/realtime/publish'
import { notifySnapshotsPending } from '@/lib/snapshots/snapshot-signal'

export type IngestSource = 'webhook' | 'mq' | 'backfill'

export type IngestInput = {
  source: IngestSource
  /** Parsed JSON; undefined when the body could not be parsed (it is still stored, as unrecognised). */
  payload: unknown
  /** The exact text received, stored as is. */
  raw: string
  receivedAt?: Date
  /** Precomputed meaning (backfill normalises OpenAPI log entries itself). */
  normalised?: NormalisedMessage
  /** Why the payload could not even be parsed. */
  unparsable?: string
}

export type IngestResult = {
  duplicate: boolean
  id: string
  outcome: 'processed' | 'partial' | 'unrecognised'
  reason?: string
  events: IngestedRef[]
}

const MAX_PAYLOAD_CHARS = 512 * 1024

export async function ingestMessage(db: Db, input: IngestInput): Promise<IngestResult> {
  const receivedAt = input.receivedAt ?? new Date()
  const normalised: NormalisedMessage = input.unparsable
    ? { shape: 'unknown', sourceMessageId: null, deviceId: null, occurredAt: receivedAt, items: [], unrecognisedReason: input.unparsable }
    : (input.normalised ?? normaliseMessage(input.payload, { receivedAt }))
  const sourceMessageId = sourceMessageIdOf(normalised.sourceMessageId, input.payload, input.raw)

  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        const existing = await tx.inboundMessage.findUnique({ where: { sourceMessageId }, select: { id: true, outcome: true } })
        if (existing) return { duplicate: true as const, id: existing.id, outcome: existing.outcome }
        return { duplicate: false as const, ...(await persistMessage(tx, input, normalised, sourceMessageId, receivedAt)) }
      })
      if (outcome.duplicate) {
        return { duplicate: true, id: outcome.id, outcome: outcome.outcome as IngestResult['outcome'], events: [] }
      }
      emitLiveEvents(outcome.live)
      if (outcome.snapshotIds.length) notifySnapshotsPending()
      return { duplicate: false, id: outcome.id, outcome: outcome.outcome, reason: outcome.reason, events: outcome.refs }
    } catch (error) {
      // A concurrent delivery of the same message (or a concurrent first alarm of a kind) won the race:
      // retry, and the retry finds the stored message.
      if (isUniqueViolation(error) && attempt < 3) continue
      throw error
    }
  }
}

async function persistMessage(
  tx: IngestContext['tx'],
  input: IngestInput,
  normalised: NormalisedMessage,
  sourceMessageId: string,
  receivedAt: Date,
) {
  const unknownReasons = normalised.items.flatMap((i) => (i.kind === 'unknown' ? [`${i.code}: ${i.reason}`] : []))
  // unrecognised: the shape itself was not understood; partial: understood, but some codes are kept raw only.
  const outcome: IngestResult['outcome'] = normalised.unrecognisedReason ? 'unrecognised' : unknownReasons.length ? 'partial' : 'processed'
  const reason = normalised.unrecognisedReason ?? (unknownReasons.length ? unknownReasons.join('; ').slice(0, 1000) : undefined)
  const message = await tx.inboundMessage.create({
    data: {
      source: input.source,
      sourceMessageId,
      shape: normalised.shape,
      deviceTuyaId: normalised.deviceId,
      payload: input.raw.slice(0, MAX_PAYLOAD_CHARS),
      receivedAt,
      outcome,
      reason: reason ?? null,
    },
    select: { id: true },
  })
  const ctx: IngestContext = {
    tx,
    messageId: message.id,
    receivedAt,
    backfilled: input.source === 'backfill',
    device: normalised.deviceId ? await ensureDevice(tx, normalised.deviceId, receivedAt) : null,
    live: [],
    refs: [],
    snapshotIds: [],
    notes: [],
  }
  for (const item of normalised.items) {
    switch (item.kind) {
      case 'access':
        await persistAccess(ctx, item, normalised.deviceId ?? 'unknown')
        break
      case 'call':
        await persistCallSignal(ctx, { signal: item.signal, at: item.occurredAt, callRef: item.callRef, snapshot: item.snapshot, sourceCode: item.sourceCode })
        break
      case 'alarm':
        await persistAlarm(ctx, { type: item.type, at: item.occurredAt, detail: item.detail, snapshot: item.snapshot })
        break
      case 'device':
        await persistDeviceChange(ctx, item)
        break
      case 'unknown':
        break
    }
  }
  const live = await appendLiveEvents(tx, ctx.live)
  return { id: message.id, outcome, reason, live, refs: ctx.refs, snapshotIds: ctx.snapshotIds }
}
