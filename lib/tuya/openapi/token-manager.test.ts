import { describe, expect, it } from 'vitest'
import { createFakeOpenApi } from '@/lib/tuya/openapi/openapi-test-server'
import { createTokenManager } from '@/lib/tuya/openapi/token-manager'

const accessId = 'test-access-id-0001'
const accessSecret = '0123456789abcdef0123456789abcdef'

function setup() {
  // One injected clock for both sides: the fake checks the signed `t` against it (±5 min window).
  const clock = { offset: 0 }
  const start = 1_700_000_000_000
  const fake = createFakeOpenApi({
    accessId,
    secret: accessSecret,
    expireSeconds: 7200,
    now: () => start + clock.offset,
  })
  const tokens = createTokenManager({
    connection: {
      baseUrl: 'https://x.test',
      accessId,
      accessSecret,
      fetch: fake.fetch,
      timeoutMs: 1_000,
      now: () => start + clock.offset,
    },
  })
  return { fake, tokens, clock }
}

describe('createTokenManager', () => {
  it('grants once and reuses the token while it is fresh', async () => {
    const { fake, tokens, clock } = setup()
    expect(await tokens.getAccessToken()).toBe('access-1')
    clock.offset = 7200_000 - 61_000
    expect(await tokens.getAccessToken()).toBe('access-1')
    expect(fake.stats.grants).toBe(1)
  })

  it('refreshes proactively inside the last 60 s, once for 20 concurrent callers', async () => {
    const { fake, tokens, clock } = setup()
    await tokens.getAccessToken()
    clock.offset = 7200_000 - 59_000
    const all = await Promise.all(Array.from({ length: 20 }, () => tokens.getAccessToken()))
    expect(new Set(all)).toEqual(new Set(['access-2']))
    expect(fake.stats).toMatchObject({ grants: 1, refreshes: 1 })
    expect(fake.calls[1].path).toBe('/v1.0/token/refresh-1')
    expect(fake.calls[1].headers.get('access_token')).toBeNull()
  })

  it('falls back to a fresh grant when the refresh token was consumed or rejected', async () => {
    const { fake, tokens, clock } = setup()
    await tokens.getAccessToken()
    fake.setRefreshFails(true)
    clock.offset = 7200_000 - 30_000
    expect(await tokens.getAccessToken()).toBe('access-2')
    expect(fake.stats).toMatchObject({ grants: 2, refreshes: 0, failedRefreshes: 1 })
  })

  it('grants a new token (no refresh) once the old one has expired', async () => {
    const { fake, tokens, clock } = setup()
    await tokens.getAccessToken()
    clock.offset = 7200_000 + 1
    expect(await tokens.getAccessToken()).toBe('access-2')
    expect(fake.stats).toMatchObject({ grants: 2, refreshes: 0 })
  })

  it('invalidate(rejected) only drops the token it names', async () => {
    const { fake, tokens } = setup()
    await tokens.getAccessToken()
    tokens.invalidate('some-older-token')
    expect(await tokens.getAccessToken()).toBe('access-1')
    tokens.invalidate('access-1')
    expect(await tokens.getAccessToken()).toBe('access-2')
    expect(fake.stats.grants).toBe(2)
  })

  it('a failed grant rejects every waiting caller and the next call tries again', async () => {
    const fake = createFakeOpenApi({ accessId, secret: accessSecret })
    let fail = true
    const tokens = createTokenManager({
      connection: {
        baseUrl: 'https://x.test',
        accessId,
        accessSecret,
        timeoutMs: 1_000,
        now: Date.now,
        fetch: (url, init) => (fail ? Promise.reject(new TypeError('fetch failed')) : fake.fetch(url, init)),
      },
    })
    const results = await Promise.allSettled([tokens.getAccessToken(), tokens.getAccessToken()])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect(await tokens.getAccessToken()).toBe('access-1')
  })
})
