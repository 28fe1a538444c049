import { afterEach, describe, expect, it } from 'vitest'
import { TuyaApiError, TuyaTransportError } from '@/lib/tuya/errors'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { createFakeOpenApi } from '@/lib/tuya/openapi/openapi-test-server'
import { decryptTicketPassword, encryptTicketKey } from '@/lib/tuya/openapi/ticket-crypto'

const accessId = 'test-access-id-0001'
const accessSecret = '0123456789abcdef0123456789abcdef'
const device = { id: 'dev1', name: 'Entrance B', category: 'videolock', online: true }

function setup(options: { timeoutMs?: number; maxRetries?: number } = {}) {
  const fake = createFakeOpenApi({ accessId, secret: accessSecret })
  fake.on('GET', '/v1.0/devices/dev1', () => ({ result: device }))
  const client = createTuyaClient({
    baseUrl: 'https://openapi.example.test',
    accessId,
    accessSecret,
    fetch: fake.fetch,
    timeoutMs: options.timeoutMs ?? 2_000,
    retry: { maxRetries: options.maxRetries ?? 3, baseDelayMs: 1, maxDelayMs: 5 },
  })
  return { fake, client }
}

describe('signing, as checked by a server-side verifier', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  it('signs token, GET-with-query and POST-with-body requests over real HTTP', async () => {
    const fake = createFakeOpenApi({ accessId, secret: accessSecret })
    close = fake.close
    fake.on('GET', '/v1.0/iot-01/associated-users/devices', () => ({ result: { devices: [device], has_more: false } }))
    fake.on('POST', '/v1.0/devices/dev1/commands', (req) => ({
      result: req.body === '{"commands":[{"code":"switch_1","value":true}]}',
    }))
    const client = createTuyaClient({ baseUrl: await fake.listen(), accessId, accessSecret })

    expect(await client.listDevices()).toEqual([device])
    expect(await client.sendCommands('dev1', [{ code: 'switch_1', value: true }])).toBe(true)
    expect(fake.stats.rejectedSignatures).toBe(0)
    const [tokenCall, listCall, postCall] = fake.calls
    expect(tokenCall.headers.get('access_token')).toBeNull()
    expect(listCall.headers.get('access_token')).toBe('access-1')
    expect(listCall.headers.get('sign_method')).toBe('HMAC-SHA256')
    expect(listCall.headers.get('sign')).toMatch(/^[0-9A-F]{64}$/)
    expect(listCall.headers.get('t')).toMatch(/^\d{13}$/)
    expect(listCall.headers.get('nonce')).toMatch(/^[0-9a-f-]{36}$/)
    expect(listCall.query.get('last_row_key')).toBe('')
    expect(postCall.headers.get('content-type')).toBe('application/json')
  })

  it('a wrong secret is refused with 1004 and the Tuya code, msg and tid survive', async () => {
    const fake = createFakeOpenApi({ accessId, secret: accessSecret })
    const client = createTuyaClient({
      baseUrl: 'https://x.test',
      accessId,
      accessSecret: 'f'.repeat(32),
      fetch: fake.fetch,
    })
    const error = await client.getDevice('dev1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TuyaApiError)
    expect(error).toMatchObject({
      code: 1004,
      msg: 'sign invalid',
      httpStatus: 200,
      path: '/v1.0/token',
      method: 'GET',
    })
    expect((error as TuyaApiError).tid).toMatch(/^[0-9a-f]{32}$/)
    expect(fake.stats.rejectedSignatures).toBe(1)
  })
})

describe('token handling', () => {
  it('20 concurrent callers share one token grant', async () => {
    const { fake, client } = setup()
    const results = await Promise.all(Array.from({ length: 20 }, () => client.getDevice('dev1')))
    expect(results.every((d) => d.id === 'dev1')).toBe(true)
    expect(fake.stats.grants).toBe(1)
  })

  it('1010 → drops the token, re-acquires once and replays once', async () => {
    const { fake, client } = setup()
    await client.getDevice('dev1')
    fake.revokeAllTokens()
    expect(await client.getDevice('dev1')).toMatchObject({ id: 'dev1' })
    // first call, the refused one, the replay
    expect(fake.callsTo('/v1.0/devices/dev1')).toHaveLength(3)
    expect(fake.stats.grants).toBe(2)
  })

  it('20 concurrent callers hitting 1010 cause a single re-acquisition', async () => {
    const { fake, client } = setup()
    await client.getDevice('dev1')
    fake.revokeAllTokens()
    await Promise.all(Array.from({ length: 20 }, () => client.getDevice('dev1')))
    expect(fake.stats.grants + fake.stats.refreshes).toBe(2)
  })

  it('replays a token failure only once, then surfaces the Tuya error', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/devices/dev1', () => ({ code: 1011, msg: 'token invalid' }))
    await expect(client.getDevice('dev1')).rejects.toMatchObject({ code: 1011, msg: 'token invalid' })
    expect(fake.callsTo('/v1.0/devices/dev1')).toHaveLength(2)
  })

  it('replays a POST after 1010 too: the request was refused at the gate', async () => {
    const { fake, client } = setup()
    fake.on('POST', '/v1.0/devices/dev1/commands', () => ({ result: true }))
    await client.getDevice('dev1')
    fake.revokeAllTokens()
    expect(await client.sendCommands('dev1', [{ code: 'switch_1', value: true }])).toBe(true)
    expect(fake.callsTo('/v1.0/devices/dev1/commands')).toHaveLength(2)
  })
})

describe('retries', () => {
  it('retries an idempotent GET with backoff on 1110 and on HTTP 500', async () => {
    const { fake, client } = setup()
    const answers = [{ code: 1110 }, { httpStatus: 500, text: 'upstream error' }, { result: device }]
    fake.on('GET', '/v1.0/devices/dev1', () => answers.shift() ?? { result: device })
    expect(await client.getDevice('dev1')).toMatchObject({ id: 'dev1' })
    expect(fake.callsTo('/v1.0/devices/dev1')).toHaveLength(3)
  })

  it('gives up after maxRetries with the last error', async () => {
    const { fake, client } = setup({ maxRetries: 2 })
    fake.on('GET', '/v1.0/devices/dev1', () => ({ code: 1199, msg: 'your requests are too frequent' }))
    await expect(client.getDevice('dev1')).rejects.toMatchObject({ code: 1199 })
    expect(fake.callsTo('/v1.0/devices/dev1')).toHaveLength(3)
  })

  it('does not retry non-retryable codes or non-idempotent POSTs', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/devices/dev1', () => ({ code: 2010, msg: 'device not exist' }))
    fake.on('POST', '/v1.0/devices/dev1/commands', () => ({ code: 1110 }))
    await expect(client.getDevice('dev1')).rejects.toMatchObject({ code: 2010 })
    await expect(client.sendCommands('dev1', [{ code: 'x', value: 1 }])).rejects.toMatchObject({ code: 1110 })
    expect(fake.callsTo('/v1.0/devices/dev1')).toHaveLength(1)
    expect(fake.callsTo('/v1.0/devices/dev1/commands')).toHaveLength(1)
  })

  it('times out a hanging request with a transport error', async () => {
    const { fake, client } = setup({ timeoutMs: 50, maxRetries: 0 })
    fake.on('GET', '/v1.0/devices/dev1', () => ({ hang: true }))
    const error = await client.getDevice('dev1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TuyaTransportError)
    expect(error).toMatchObject({ failure: 'timeout', path: '/v1.0/devices/dev1' })
  })

  it('rejects a result that does not match its schema', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/devices/dev1', () => ({ result: { name: 'no id' } }))
    await expect(client.getDevice('dev1')).rejects.toMatchObject({ failure: 'invalid_response' })
  })
})

describe('remoteUnlock', () => {
  const key16 = 'k1k2k3k4k5k6k7k8'
  function withTicket() {
    const ctx = setup({ timeoutMs: 50 })
    ctx.fake.on('POST', '/v1.0/devices/dev1/door-lock/password-ticket', () => ({
      result: { ticket_id: 'T1', ticket_key: encryptTicketKey(key16, accessSecret), expire_time: 360 },
    }))
    return ctx
  }
  const operatePath = '/v1.0/smart-lock/devices/dev1/password-free/door-operate'

  it('fetches a ticket then operates the door with {ticket_id, open:true}', async () => {
    const { fake, client } = withTicket()
    fake.on('POST', operatePath, () => ({ result: true }))
    expect(await client.remoteUnlock('dev1')).toEqual({ ticketId: 'T1', accepted: true })
    expect(JSON.parse(fake.callsTo(operatePath)[0].body)).toEqual({ ticket_id: 'T1', open: true })
  })

  it('never retries the door operation on 500 or 1110', async () => {
    const { fake, client } = withTicket()
    fake.on('POST', operatePath, () => ({ httpStatus: 502, text: 'bad gateway' }))
    await expect(client.remoteUnlock('dev1')).rejects.toBeInstanceOf(TuyaTransportError)
    fake.on('POST', operatePath, () => ({ code: 1110 }))
    await expect(client.remoteUnlock('dev1')).rejects.toMatchObject({ code: 1110 })
    expect(fake.callsTo(operatePath)).toHaveLength(2)
  })

  it('a timeout after sending says the outcome is unknown and does not re-send', async () => {
    const { fake, client } = withTicket()
    fake.on('POST', operatePath, () => ({ hang: true }))
    const error = await client.remoteUnlock('dev1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TuyaTransportError)
    expect(error).toMatchObject({ failure: 'timeout', outcomeUnknown: true })
    expect((error as Error).message).toMatch(/outcome unknown/)
    expect(fake.callsTo(operatePath)).toHaveLength(1)
  })

  it('creates a temporary password encrypted with the ticket key', async () => {
    const { fake, client } = withTicket()
    fake.on('POST', '/v1.0/devices/dev1/door-lock/temp-password', () => ({ result: { id: 123456 } }))
    const out = await client.createTempPassword('dev1', {
      name: 'Cleaner',
      password: '1234567',
      effectiveTime: 1700000000,
      invalidTime: 1700600000,
    })
    expect(out).toEqual({ id: '123456' })
    const sent = JSON.parse(fake.callsTo('/v1.0/devices/dev1/door-lock/temp-password')[0].body) as Record<
      string,
      unknown
    >
    expect(sent).toMatchObject({ ticket_id: 'T1', password_type: 'ticket', type: 0 })
    expect(decryptTicketPassword(String(sent.password), key16)).toBe('1234567')
  })
})
