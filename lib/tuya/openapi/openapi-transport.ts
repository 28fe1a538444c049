// One signed HTTP exchange with the Tuya OpenAPI: sign → send (with timeout) → parse the envelope
// (docs/tuya-protocol.md §2.2). No retries or token logic here; see openapi-client.ts and token-manager.ts.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { TuyaApiError, TuyaTransportError } from '@/lib/tuya/errors'
import { buildSignedHeaders } from '@/lib/tuya/openapi/openapi-sign'

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export type QueryValue = string | number | boolean | undefined
export type QueryParams = Record<string, QueryValue>

export type TuyaConnection = {
  baseUrl: string
  accessId: string
  accessSecret: string
  fetch: FetchLike
  timeoutMs: number
  now: () => number
}

export type SendTuyaRequestInput = {
  method: HttpMethod
  path: string
  query?: QueryParams
  body?: unknown
  /** Absent for token APIs (§1.2). */
  accessToken?: string
}

export type TuyaResponse = { result: unknown; t: number; tid: string | undefined }

const envelopeSchema = z.discriminatedUnion('success', [
  z.looseObject({ success: z.literal(true), result: z.unknown(), t: z.number(), tid: z.string().optional() }),
  z.looseObject({
    success: z.literal(false),
    // Documented as a number; some docs type it as a string (§2.2).
    code: z.union([z.number(), z.string()]).transform(Number),
    msg: z.string().optional().default(''),
    t: z.number().optional(),
    tid: z.string().optional(),
  }),
])

/** Percent-encoded query in key order (the signature sorts anyway, §1.2). Undefined values are dropped. */
export function encodeQuery(query: QueryParams | undefined): string {
  const entries = Object.entries(query ?? {}).filter(
    (e): e is [string, string | number | boolean] => e[1] !== undefined,
  )
  if (entries.length === 0) return ''
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`
}

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** Connection-level failures mean the request never left; anything else may have reached Tuya. */
function wasNeverSent(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  return typeof cause?.code === 'string' && CONNECT_FAILURES.has(cause.code)
}

export async function sendTuyaRequest(conn: TuyaConnection, input: SendTuyaRequestInput): Promise<TuyaResponse> {
  const { method, path } = input
  const pathWithQuery = path + encodeQuery(input.query)
  // Serialise once and sign exactly these bytes (§6 checklist 1).
  const body = input.body === undefined ? '' : JSON.stringify(input.body)
  const headers = buildSignedHeaders({
    clientId: conn.accessId,
    secret: conn.accessSecret,
    method,
    pathWithQuery,
    body,
    t: conn.now(),
    nonce: randomUUID(),
    accessToken: input.accessToken,
  })
  if (body) headers['content-type'] = 'application/json'

  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), conn.timeoutMs)
  let status: number
  let text: string
  try {
    const response = await conn.fetch(conn.baseUrl.replace(/\/+$/, '') + pathWithQuery, {
      method,
      headers,
      body: body || undefined,
      signal: controller.signal,
    })
    status = response.status
    text = await response.text()
  } catch (error) {
    const timedOut = controller.signal.aborted
    throw new TuyaTransportError({
      failure: timedOut ? 'timeout' : 'network',
      method,
      path,
      message: timedOut
        ? `Tuya ${method} ${path}: no response within ${conn.timeoutMs} ms`
        : `Tuya ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`,
      outcomeUnknown: timedOut || !wasNeverSent(error),
      cause: error,
    })
  } finally {
    clearTimeout(timer)
  }
  return parseEnvelope(text, status, method, path)
}

function parseEnvelope(text: string, status: number, method: string, path: string): TuyaResponse {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = envelopeSchema.safeParse(json)
  if (!parsed.success) {
    const failure = status >= 200 && status < 300 ? 'invalid_response' : 'http'
    throw new TuyaTransportError({
      failure,
      method,
      path,
      httpStatus: status,
      // A 5xx from a proxy may or may not have reached Tuya's handler.
      outcomeUnknown: status >= 500,
      message: `Tuya ${method} ${path}: HTTP ${status}, ${failure === 'http' ? 'no Tuya envelope' : 'not a Tuya envelope'}`,
    })
  }
  const envelope = parsed.data
  if (!envelope.success) {
    throw new TuyaApiError({
      code: envelope.code,
      msg: envelope.msg,
      tid: envelope.tid,
      httpStatus: status,
      method,
      path,
    })
  }
  return { result: envelope.result, t: envelope.t, tid: envelope.tid }
}
