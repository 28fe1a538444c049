// Server-side verification (docs/tuya-protocol.md §1.7), token lifecycle (§2.3) and rate limits (§5).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { signLegacy } from '@/lib/tuya/openapi/openapi-sign'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'
import { type SignedRequestOptions, fetchAccessToken, signedRequest } from '@/simulator/testing/signed-request'

/** The simulator's control API takes mutating calls as JSON only. */
const JSON_HEADERS = { 'content-type': 'application/json' }

const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
let now = Date.now()
let sim: RunningSimulator
let token: string | undefined

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: { now: () => now } })
})
afterAll(() => sim.close())
afterEach(async () => {
  now = Date.now()
  token = undefined
  await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: JSON_HEADERS })
})

async function call(options: Partial<SignedRequestOptions> & { path: string }) {
  token ??= (await fetchAccessToken(sim.url, sim.accessId, sim.accessSecret)).accessToken
  return signedRequest({
    baseUrl: sim.url,
    clientId: sim.accessId,
    secret: sim.accessSecret,
    accessToken: token,
    t: now,
    ...options,
  })
}

describe('signature verification', () => {
  it('accepts nonce, Signature-Headers and upper-case header names', async () => {
    const res = await call({
      path: TUYA_PATHS.deviceStatus(lock.id),
      nonce: '5138cc3a9033d69856923fd07b491173',
      signatureHeaders: { area_id: '29a33e8796834b1efa6', call_id: '8afdb70ab2ed11eb85290242ac130003' },
      upperCaseHeaders: true,
    })
    expect(res.body).toMatchObject({ success: true })
    expect(res.body.tid).toMatch(/^[0-9a-f]{32}$/)
  })

  it('hashes the bytes received, also on GET; signing another body is 1004', async () => {
    expect((await call({ path: TUYA_PATHS.deviceStatus(lock.id), body: '{}', method: 'GET' })).body.success).toBe(true)
    const res = await call({ path: TUYA_PATHS.deviceStatus(lock.id), body: '{}', signedBody: '' })
    expect(res.body).toMatchObject({ success: false, code: 1004, msg: 'sign invalid' })
  })

  it('sorts and decodes the query before signing', async () => {
    const res = await call({ path: `${TUYA_PATHS.projectDevices}?size=2&last_row_key=` })
    expect(res.body).toMatchObject({ success: true, result: { has_more: true, total: DEMO_BUILDING.devices.length } })
  })

  it('answers with Tuya codes: 1105 missing header, 1005 unknown client id, 1002 no token, 1013 stale t, 1108 unknown path', async () => {
    expect((await call({ path: TUYA_PATHS.device(lock.id), omit: ['sign'] })).body.code).toBe(1105)
    expect((await call({ path: TUYA_PATHS.device(lock.id), clientId: 'unknownclient0000000' })).body.code).toBe(1005)
    expect((await call({ path: TUYA_PATHS.device(lock.id), accessToken: '' })).body.code).toBe(1002)
    expect((await call({ path: TUYA_PATHS.device(lock.id), t: now - 5 * 60_000 - 1 })).body.code).toBe(1013)
    expect((await call({ path: TUYA_PATHS.device(lock.id), t: now + 4 * 60_000 })).body.success).toBe(true)
    expect((await call({ path: '/v1.0/nothing/here' })).body).toMatchObject({
      success: false,
      code: 1108,
      msg: 'uri path invalid',
    })
  })

  it('rejects the legacy signature on a new project (1004) but accepts it where allowed', async () => {
    const { accessToken } = await fetchAccessToken(sim.url, sim.accessId, sim.accessSecret)
    const legacy = signLegacy({ clientId: sim.accessId, secret: sim.accessSecret, t: now, accessToken })
    expect((await call({ path: TUYA_PATHS.device(lock.id), accessToken, sign: legacy })).body.code).toBe(1004)
    const old = await startSimulator({ port: 0, allowLegacySign: true })
    try {
      const { accessToken } = await fetchAccessToken(old.url, old.accessId, old.accessSecret)
      const t = Date.now()
      const sign = signLegacy({ clientId: old.accessId, secret: old.accessSecret, t, accessToken })
      const res = await signedRequest({
        baseUrl: old.url,
        clientId: old.accessId,
        secret: old.accessSecret,
        accessToken,
        t,
        sign,
        path: TUYA_PATHS.device(lock.id),
      })
      expect(res.body.success).toBe(true)
    } finally {
      await old.close()
    }
  })

  it('answers an unknown device with 1106 permission deny', async () => {
    expect((await call({ path: TUYA_PATHS.device('nosuchdevice000000000') })).body.code).toBe(1106)
  })
})

describe('token lifecycle', () => {
  const base = () => ({ baseUrl: sim.url, clientId: sim.accessId, secret: sim.accessSecret })

  it('issues 2-hour tokens; an expired one gets 1010, an unknown one 1011', async () => {
    const res = await signedRequest({ ...base(), path: '/v1.0/token?grant_type=1', t: now })
    expect(res.body.result).toMatchObject({ expire_time: 7200, uid: DEMO_BUILDING.ownerUid })
    const { access_token } = res.body.result as { access_token: string }
    expect(access_token).toMatch(/^[0-9a-f]{32}$/)
    now += 7200 * 1000
    expect(
      (await signedRequest({ ...base(), accessToken: access_token, t: now, path: TUYA_PATHS.device(lock.id) })).body
        .code,
    ).toBe(1010)
    expect(
      (await signedRequest({ ...base(), accessToken: 'f'.repeat(32), t: now, path: TUYA_PATHS.device(lock.id) })).body
        .code,
    ).toBe(1011)
    expect((await signedRequest({ ...base(), t: now, path: '/v1.0/token?grant_type=2' })).body.code).toBe(1003)
  })

  it('refresh tokens work once and invalidate the old pair', async () => {
    const first = await fetchAccessToken(sim.url, sim.accessId, sim.accessSecret)
    const refreshed = await signedRequest({ ...base(), t: now, path: TUYA_PATHS.refreshToken(first.refreshToken) })
    expect(refreshed.body.success).toBe(true)
    const second = refreshed.body.result as { access_token: string }
    expect(
      (await signedRequest({ ...base(), t: now, path: TUYA_PATHS.refreshToken(first.refreshToken) })).body.code,
    ).toBe(1011)
    expect(
      (await signedRequest({ ...base(), t: now, accessToken: first.accessToken, path: TUYA_PATHS.device(lock.id) }))
        .body.code,
    ).toBe(1011)
    expect(
      (await signedRequest({ ...base(), t: now, accessToken: second.access_token, path: TUYA_PATHS.device(lock.id) }))
        .body.success,
    ).toBe(true)
  })

  it('expires every token on demand (fault), while refresh tokens keep working', async () => {
    const pair = await fetchAccessToken(sim.url, sim.accessId, sim.accessSecret)
    const fault = await (
      await fetch(`${sim.url}/_sim/faults`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ expireTokens: true }),
      })
    ).json()
    expect(fault.ok).toBe(true)
    expect(
      (await signedRequest({ ...base(), t: now, accessToken: pair.accessToken, path: TUYA_PATHS.device(lock.id) })).body
        .code,
    ).toBe(1010)
    expect(
      (await signedRequest({ ...base(), t: now, path: TUYA_PATHS.refreshToken(pair.refreshToken) })).body.success,
    ).toBe(true)
  })
})

describe('rate limits and injected faults', () => {
  it('answers 1110 past the per-second limit of an API (face writes: 5/s)', async () => {
    now = Math.floor(Date.now() / 1000) * 1000 + 10 // the whole burst lands in one second of the sim clock
    const codes: (number | undefined)[] = []
    for (let i = 0; i < 12; i++)
      codes.push(
        (
          await call({
            path: TUYA_PATHS.deviceCommands(lock.id),
            method: 'POST',
            body: JSON.stringify({ commands: [{ code: 'automatic_lock', value: true }] }),
          })
        ).body.code,
      )
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(undefined))
    expect(codes.slice(10)).toEqual([1110, 1110])
  })

  it('applies an injected limit with 1199, and injected 5xx counts', async () => {
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ rateLimit: { path: '/v1.0/devices/{deviceId}/status', perSecond: 1, code: 1199 } }),
    })
    now = Math.floor(Date.now() / 1000) * 1000 + 10
    expect((await call({ path: TUYA_PATHS.deviceStatus(lock.id) })).body).toMatchObject({ success: true })
    expect((await call({ path: TUYA_PATHS.deviceStatus(lock.id) })).body).toMatchObject({
      code: 1199,
      msg: 'your requests are too frequent',
    })

    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ errors5xx: { count: 2, status: 503 } }),
    })
    const statuses = [
      (await call({ path: TUYA_PATHS.device(lock.id) })).status,
      (await call({ path: TUYA_PATHS.device(lock.id) })).status,
      (await call({ path: TUYA_PATHS.device(lock.id) })).status,
    ]
    expect(statuses).toEqual([503, 503, 200])
  })
})
