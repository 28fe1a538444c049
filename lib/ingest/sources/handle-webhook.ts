// POST /api/webhooks/tuya (README "Webhook"; docs/tuya-protocol.md §4.4): media type → size → signature → JSON →
// decrypt an encrypted message-service envelope → ingest.
// 200 only after the message is durably stored; bad signature or stale timestamp → 401 and nothing stored;
// malformed JSON or unknown shape → 400, but kept as unrecognised so nothing that was signed is lost; the ingest
// queue full → 503 with Retry-After, nothing taken.
import type { Db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { errorBody, errorResponse } from '@/lib/http/error-response'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { IngestBusyError } from '@/lib/ingest/ingest-writer'
import { openEncryptedEnvelope } from '@/lib/tuya/message-service/open-envelope'
import { verifyWebhookRequest } from '@/lib/tuya/webhook/webhook-signature'
import { BODY_TOO_LARGE, requestInput, type WebhookInput } from '@/lib/ingest/sources/webhook-body'

export const WEBHOOK_MAX_BYTES = 256 * 1024

export type WebhookConfig = { accessId: string; accessSecret: string; now?: () => number }

const tooLarge = () => new AppError('payload_too_large', `body over ${WEBHOOK_MAX_BYTES / 1024} KiB`, 413)

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** The webhook over a fetch Request (the Next route, tests). */
export function handleTuyaWebhook(db: Db, request: Request, config: WebhookConfig): Promise<Response> {
  return answerTuyaWebhook(db, requestInput(request), config)
}

/** The webhook over any transport that can hand over headers and a size-limited body. */
export async function answerTuyaWebhook(db: Db, input: WebhookInput, config: WebhookConfig): Promise<Response> {
  try {
    const contentType = input.headers.get('content-type') ?? ''
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
      throw new AppError('unsupported_media_type', 'send the message as application/json', 415)
    }
    if (Number(input.headers.get('content-length') ?? '0') > WEBHOOK_MAX_BYTES) throw tooLarge()
    const rawBody = await input.readBody(WEBHOOK_MAX_BYTES)
    if (rawBody === BODY_TOO_LARGE) throw tooLarge()
    const verified = verifyWebhookRequest({
      headers: input.headers,
      rawBody,
      secret: config.accessSecret,
      clientId: config.accessId,
      now: config.now?.(),
    })
    if (!verified.ok) return Response.json(errorBody(verified.code, verified.message), { status: 401 })

    const parsed = parseJson(verified.payloadRaw)
    // An encrypted message-service envelope is stored as its decrypted payload, exactly as the message-service
    // consumer stores it, so the same message arriving both ways is one row.
    const opened = parsed.ok ? openEncryptedEnvelope(parsed.value, config.accessSecret) : ({ kind: 'plain' } as const)
    const result = await ingestMessage(db, {
      source: 'webhook',
      payload: opened.kind === 'opened' ? opened.payload : parsed.ok ? parsed.value : undefined,
      raw: opened.kind === 'opened' ? opened.payloadRaw : verified.payloadRaw,
      unparsable: !parsed.ok ? 'payload is not valid JSON' : opened.kind === 'failed' ? opened.reason : undefined,
    })
    if (!parsed.ok) {
      return Response.json(errorBody('malformed_json', 'payload is not valid JSON (stored as unrecognised)'), {
        status: 400,
      })
    }
    if (result.outcome === 'unrecognised') {
      return Response.json(
        errorBody(
          'unrecognised_message',
          `message shape not understood (stored as unrecognised): ${result.reason ?? ''}`.trim(),
        ),
        { status: 400 },
      )
    }
    return Response.json(
      result.duplicate
        ? { ok: true, duplicate: true, id: result.id }
        : { ok: true, duplicate: false, id: result.id, events: result.events },
    )
  } catch (error) {
    // Backpressure: nothing was taken, so the sender keeps the message and retries after the pause.
    if (error instanceof IngestBusyError) {
      return Response.json(errorBody(error.code, error.message), {
        status: 503,
        headers: { 'retry-after': String(error.retryAfterSeconds) },
      })
    }
    return errorResponse(error)
  }
}
