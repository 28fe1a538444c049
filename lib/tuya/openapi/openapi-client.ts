// The Tuya OpenAPI client: token handling, replay on token errors, backoff for idempotent calls, typed APIs.
// Retry policy (docs/tuya-protocol.md §2.3, §5.2): 1010/1011/1012 → re-acquire the token and replay once
// (the request was refused at the gate, so even a POST is safe); 1110/1199/500/HTTP 5xx/network → exponential
// backoff with full jitter, but only when the caller marked the request idempotent.
import type { z } from 'zod'
import { TuyaApiError, TuyaTransportError } from '@/lib/tuya/errors'
import { silentLogger, type TuyaLogger } from '@/lib/tuya/logger'
import { createAccessControlApi } from '@/lib/tuya/openapi/openapi-access-control'
import { createDeviceApi } from '@/lib/tuya/openapi/openapi-devices'
import { createLockApi } from '@/lib/tuya/openapi/openapi-locks'
import { createMediaApi } from '@/lib/tuya/media/openapi-media'
import { createAllowedHosts } from '@/lib/snapshots/allowed-hosts'
import type { SnapshotFetchPolicy } from '@/lib/snapshots/fetch-snapshot-bytes'
import {
  type FetchLike,
  type HttpMethod,
  type QueryParams,
  type TuyaConnection,
  sendTuyaRequest,
} from '@/lib/tuya/openapi/openapi-transport'
import { createTokenManager } from '@/lib/tuya/openapi/token-manager'

export type TuyaRequestOptions = {
  method: HttpMethod
  path: string
  query?: QueryParams
  body?: unknown
  /** Safe to send twice. Defaults to true for GET, false otherwise. */
  idempotent?: boolean
}

export type TuyaRequest = {
  <S extends z.ZodType>(options: TuyaRequestOptions & { schema: S }): Promise<z.output<S>>
  (options: TuyaRequestOptions): Promise<unknown>
}

export type RetryPolicy = { maxRetries: number; baseDelayMs: number; maxDelayMs: number }

export type TuyaClientOptions = {
  baseUrl: string
  accessId: string
  accessSecret: string
  fetch?: FetchLike
  timeoutMs?: number
  now?: () => number
  logger?: TuyaLogger
  retry?: Partial<RetryPolicy>
  /** For deterministic jitter in tests. */
  random?: () => number
  /** Where image URLs may be downloaded from; Tuya's media hosts only unless given. */
  mediaPolicy?: SnapshotFetchPolicy
}

const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 5_000 }

function isRetryable(error: unknown): boolean {
  if (error instanceof TuyaApiError || error instanceof TuyaTransportError) return error.isRetryable
  return false
}

export function createTuyaClient(options: TuyaClientOptions) {
  const logger = options.logger ?? silentLogger
  const connection: TuyaConnection = {
    baseUrl: options.baseUrl,
    accessId: options.accessId,
    accessSecret: options.accessSecret,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    timeoutMs: options.timeoutMs ?? 10_000,
    now: options.now ?? Date.now,
  }
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const random = options.random ?? Math.random
  const tokens = createTokenManager({ connection, logger })

  const backoffMs = (attempt: number) =>
    Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt))

  async function send(opts: TuyaRequestOptions): Promise<unknown> {
    const idempotent = opts.idempotent ?? opts.method === 'GET'
    let replayedForToken = false
    for (let attempt = 0; ; attempt++) {
      const accessToken = await tokens.getAccessToken()
      try {
        const { result } = await sendTuyaRequest(connection, { ...opts, accessToken })
        return result
      } catch (error) {
        if (error instanceof TuyaApiError && error.isTokenError && !replayedForToken) {
          replayedForToken = true
          tokens.invalidate(accessToken)
          logger.info('tuya token rejected; re-acquiring and replaying once', { code: error.code, path: opts.path })
          attempt--
          continue
        }
        if (!idempotent || attempt >= retry.maxRetries || !isRetryable(error)) throw error
        const delay = backoffMs(attempt)
        logger.warn('tuya request failed; retrying', {
          path: opts.path,
          attempt: attempt + 1,
          delay,
          error: String(error),
        })
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  async function request(options: TuyaRequestOptions & { schema?: z.ZodType }): Promise<unknown> {
    const result = await send(options)
    if (!options.schema) return result
    const parsed = options.schema.safeParse(result)
    if (parsed.success) return parsed.data
    throw new TuyaTransportError({
      failure: 'invalid_response',
      method: options.method,
      path: options.path,
      message: `Tuya ${options.method} ${options.path}: unexpected result shape: ${parsed.error.message}`,
    })
  }
  const typedRequest = request as TuyaRequest

  return {
    request: typedRequest,
    tokens,
    ...createDeviceApi(typedRequest),
    ...createLockApi(typedRequest, options.accessSecret),
    ...createAccessControlApi(typedRequest),
    ...createMediaApi(typedRequest, options.mediaPolicy ?? { allowedHosts: createAllowedHosts([]) }),
  }
}

export type TuyaClient = ReturnType<typeof createTuyaClient>
