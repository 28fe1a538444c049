// Token lifecycle (docs/tuya-protocol.md §2.3): access tokens live 2 h and may be used any number of times;
// refresh tokens never expire but work once, and a refresh invalidates the old pair. Issuing a new pair with
// grant_type=1 leaves older unexpired tokens valid (§2.3, simulator default).
import { randomHex } from '@/simulator/state/ids'

type TokenPair = { accessToken: string; refreshToken: string; expiresAt: number; revoked: boolean }

export type TokenResult = { access_token: string; refresh_token: string; expire_time: number; uid: string }

export type TokenCheck = 'valid' | 'expired' | 'invalid'

export class TokenStore {
  private readonly byAccess = new Map<string, TokenPair>()
  private readonly byRefresh = new Map<string, TokenPair>()

  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
    private readonly uid: string,
  ) {}

  issue(): TokenResult {
    const pair: TokenPair = {
      accessToken: randomHex(16),
      refreshToken: randomHex(16),
      expiresAt: this.now() + this.ttlSeconds * 1000,
      revoked: false,
    }
    this.byAccess.set(pair.accessToken, pair)
    this.byRefresh.set(pair.refreshToken, pair)
    this.prune()
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expire_time: this.ttlSeconds,
      uid: this.uid,
    }
  }

  /** Single use: the old pair stops working, also when the refresh token is presented again. */
  refresh(refreshToken: string): TokenResult | undefined {
    const pair = this.byRefresh.get(refreshToken)
    if (!pair || pair.revoked) return undefined
    pair.revoked = true
    this.byRefresh.delete(refreshToken)
    return this.issue()
  }

  check(accessToken: string): TokenCheck {
    const pair = this.byAccess.get(accessToken)
    if (!pair || pair.revoked) return 'invalid'
    return pair.expiresAt <= this.now() ? 'expired' : 'valid'
  }

  /** Fault injection: every access token expires now (refresh tokens keep working, as at Tuya). */
  expireAll(): number {
    const now = this.now()
    let count = 0
    for (const pair of this.byAccess.values()) {
      if (!pair.revoked && pair.expiresAt > now) {
        pair.expiresAt = now
        count += 1
      }
    }
    return count
  }

  /** Forget pairs that can no longer be used by anyone, so long runs don't accumulate them. */
  private prune(): void {
    if (this.byAccess.size < 10_000) return
    for (const [token, pair] of this.byAccess) {
      if (pair.revoked) this.byAccess.delete(token)
    }
  }
}
