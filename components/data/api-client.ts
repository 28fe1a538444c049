// The browser's only way to our `/api`: sends JSON, surfaces the server's `{error:{code,message}}` as an ApiError,
// and checks every answer against the schema the server uses, so a drifted response fails loudly
// (`bad_response`) instead of being cast to a type it does not have.
import type { ZodType } from 'zod'
import type { WireSchemas } from '@/components/data/wire-schemas'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body as answered, for errors that carry more than code and message (e.g. `reasons`). */
    readonly body?: unknown,
    /** Seconds from a 503's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Picks the schema an answer must match from the table of wire schemas. */
export type ResponseSchema<T> = (schemas: WireSchemas) => ZodType<T>
/** `json` is sent as JSON; a raw `body` (a file, say) is sent as it is, with the content type the caller names. */
export type RequestOptions = RequestInit & { json?: unknown }

let wireSchemas: Promise<WireSchemas> | undefined

function loadWireSchemas(): Promise<WireSchemas> {
  wireSchemas ??= import('@/components/data/wire-schemas').then(
    (module) => module.WIRE_SCHEMAS,
    (error: unknown) => {
      wireSchemas = undefined // a failed chunk load is retried by the next request
      throw error
    },
  )
  return wireSchemas
}

async function send(path: string, { json, headers, body, ...init }: RequestOptions) {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : body,
  })
  const answer: unknown = await response.json().catch(() => undefined)
  return { response, body: answer }
}

export async function requestJson<T>(path: string, expect: ResponseSchema<T>, options: RequestOptions = {}) {
  const [{ response, body }, schemas] = await Promise.all([send(path, options), loadWireSchemas()])
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN)
    const wait = Number.isFinite(retryAfter) ? retryAfter : undefined
    const failure = schemas.error.safeParse(body)
    throw failure.success
      ? new ApiError(response.status, failure.data.error.code, failure.data.error.message, body, wait)
      : new ApiError(response.status, 'http_error', `Request failed (${response.status})`, body, wait)
  }
  const parsed = expect(schemas).safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new ApiError(
      response.status,
      'bad_response',
      `Unexpected answer from ${path.split('?')[0]} (${where}${issue?.message ?? 'invalid'})`,
    )
  }
  return parsed.data
}
