// Access-token lifecycle (docs/tuya-protocol.md §2): grant, proactive refresh 60 s before expiry,
// single-flight, invalidate on 1010/1011/1012. Refresh tokens are single use and a refresh kills the old pair
// (§2.3), so two refreshes must never race: every caller shares one in-flight promise.
import { z } from 'zod'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { TuyaTransportError } from '@/lib/tuya/errors'
import { silentLogger, type TuyaLogger } from '@/lib/tuya/logger'
import { type TuyaConnection, sendTuyaRequest } from '@/lib/tuya/openapi/openapi-transport'

const tokenResultSchema = z
  .looseObject({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    // Relative seconds; older docs call it `expire` (§2.2).
    expire_time: z.number().optional(),
    expire: z.number().optional(),
    uid: z.string().optional(),
  })
  .refine((r) => r.expire_time !== undefined || r.expire !== undefined, 'expire_time missing')

export type TuyaToken = { accessToken: string; refreshToken: string; expiresAt: number; uid: string | undefined }

export type TokenManager = {
  /** A token valid for at least `refreshMarginMs`; fetches or refreshes (once, shared) when needed. */
  getAccessToken(): Promise<string>
  /** Forget the token after Tuya rejected it. Pass the rejected token so late callers don't drop a newer one. */
  invalidate(rejectedToken?: string): void
  current(): TuyaToken | undefined
}

export type TokenManagerOptions = {
  connection: TuyaConnection
  refreshMarginMs?: number
  logger?: TuyaLogger
}

export function createTokenManager({
  connection,
  refreshMarginMs = 60_000,
  logger = silentLogger,
}: TokenManagerOptions): TokenManager {
  let token: TuyaToken | undefined
  let inflight: Promise<TuyaToken> | undefined

  async function fetchToken(path: string, query?: Record<string, string>): Promise<TuyaToken> {
    // Expiry counted from when we asked, on our clock: conservative and immune to server clock skew.
    const askedAt = connection.now()
    const { result } = await sendTuyaRequest(connection, { method: 'GET', path, query })
    const parsed = tokenResultSchema.safeParse(result)
    if (!parsed.success) {
      throw new TuyaTransportError({
        failure: 'invalid_response',
        method: 'GET',
        path,
        message: `Tuya token result: ${parsed.error.message}`,
      })
    }
    const r = parsed.data
    return {
      accessToken: r.access_token,
      refreshToken: r.refresh_token,
      expiresAt: askedAt + (r.expire_time ?? r.expire ?? 0) * 1000,
      uid: r.uid,
    }
  }

  async function acquire(previous: TuyaToken | undefined): Promise<TuyaToken> {
    if (previous) {
      try {
        const refreshed = await fetchToken(TUYA_PATHS.refreshToken(previous.refreshToken))
        logger.debug('tuya token refreshed', { expiresAt: refreshed.expiresAt })
        return refreshed
      } catch (error) {
        // Consumed elsewhere or rejected: a fresh grant always works (what the Node SDK does, §1.3).
        logger.warn('tuya token refresh failed; requesting a new token', { error: String(error) })
      }
    }
    const granted = await fetchToken(TUYA_PATHS.token, { grant_type: '1' })
    logger.debug('tuya token granted', { expiresAt: granted.expiresAt })
    return granted
  }

  return {
    async getAccessToken() {
      const held = token
      if (held && connection.now() < held.expiresAt - refreshMarginMs) return held.accessToken
      if (!inflight) {
        // Only refresh a token that has not expired yet; an expired one is dead (§2.3), grant a new one.
        const previous = held && connection.now() < held.expiresAt ? held : undefined
        inflight = acquire(previous)
          .then((next) => {
            token = next
            return next
          })
          .finally(() => {
            inflight = undefined
          })
      }
      return (await inflight).accessToken
    },
    invalidate(rejectedToken) {
      if (rejectedToken === undefined || token?.accessToken === rejectedToken) token = undefined
    },
    current: () => token,
  }
}
