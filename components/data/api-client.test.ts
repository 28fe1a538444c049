import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, requestJson } from '@/components/data/api-client'

function answerWith(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

const device = {
  id: 'd1',
  tuyaId: 't1',
  name: 'Lobby',
  category: 'face_terminal',
  location: null,
  online: true,
  lastSeenAt: '2026-11-30T12:00:00.000Z',
  battery: null,
}

afterEach(() => vi.unstubAllGlobals())

describe('the browser API client', () => {
  it('returns an answer that matches the schema the server uses', async () => {
    answerWith(200, { items: [device], nextCursor: null })
    await expect(requestJson('/api/devices', (s) => s.devicePage)).resolves.toEqual({
      items: [device],
      nextCursor: null,
    })
  })

  it('turns an answer that does not match into a bad_response error naming the field', async () => {
    answerWith(200, { items: [{ ...device, online: 'yes' }], nextCursor: null })
    const error = await failureOf(requestJson('/api/devices', (s) => s.devicePage))
    expect(error.code).toBe('bad_response')
    expect(error.status).toBe(200)
    expect(error.message).toContain('/api/devices')
    expect(error.message).toContain('items.0.online')
  })

  it('treats a body that is not JSON as a bad response, not as data', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>proxy error</html>', { status: 200 }))
    expect((await failureOf(requestJson('/api/me', (s) => s.me))).code).toBe('bad_response')
  })

  it("surfaces the server's error code and message", async () => {
    answerWith(409, { error: { code: 'conflict', message: 'This call was already answered' } })
    const error = await failureOf(requestJson('/api/calls/c1/answer', (s) => s.call, { method: 'POST' }))
    expect([error.status, error.code, error.message]).toEqual([409, 'conflict', 'This call was already answered'])
  })

  it('still fails clearly when an error has no error body', async () => {
    answerWith(502, 'Bad gateway')
    const error = await failureOf(requestJson('/api/devices', (s) => s.devicePage))
    expect([error.status, error.code, error.message]).toEqual([502, 'http_error', 'Request failed (502)'])
  })

  it('sends JSON bodies and extra headers', async () => {
    const fetch = answerWith(200, { ok: true, deviceId: 'd1', accepted: true })
    await requestJson('/api/devices/d1/unlock', (s) => s.unlockOutcome, {
      method: 'POST',
      headers: { 'idempotency-key': 'key-12345678' },
      json: { reason: 'test' },
    })
    expect(fetch).toHaveBeenCalledWith('/api/devices/d1/unlock', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': 'key-12345678' },
      body: '{"reason":"test"}',
    })
  })

  it('sends a raw body (a form with a file) as it is, letting the browser name its type', async () => {
    const report = { dryRun: true, valid: true, rows: 1, created: 0, errors: [], warnings: [] }
    const fetch = answerWith(200, report)
    const form = new FormData()
    form.set('file', new Blob(['name\nA\n'], { type: 'text/csv' }), 'a.csv')
    await expect(
      requestJson('/api/residents/import?dryRun=1', (s) => s.importReport, { method: 'POST', body: form }),
    ).resolves.toEqual(report)
    expect(fetch).toHaveBeenCalledWith('/api/residents/import?dryRun=1', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: form,
    })
  })
})
