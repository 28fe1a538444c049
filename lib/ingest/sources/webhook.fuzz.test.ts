// Fuzz: the webhook handler on real databases, fed generated bodies (hostile messages of every shape, arbitrary
// JSON, broken JSON, deep nesting, bytes that are not UTF-8, Tuya's body form) under generated header sets
// (header spellings, content types, timestamps in ms or s, stale or future, signatures right, wrong, truncated,
// upper-case or missing). Properties: the answer is always one of the documented ones and never a 5xx (other
// than a deliberate 503 busy); nothing is stored for a request that is not authentic; an authentic message sent
// again is answered as a duplicate of the first and stored once. A further run goes over real sockets through
// server.ts's node:http path. The case counts are in the test names.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { payloadBytes, payloadText } from '@/lib/ingest/fixtures/fuzz-payloads'
import { WEBHOOK_URL } from '@/lib/ingest/fixtures/webhook-requests'
import { handleTuyaWebhook, WEBHOOK_MAX_BYTES } from '@/lib/ingest/sources/handle-webhook'
import { isWebhookRequest, serveWebhook } from '@/lib/server/serve-webhook'
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'

/** Per provider: the full run on SQLite, a shorter one on PostgreSQL (every request is a round trip there). */
const RUNS = { sqlite: Number(process.env.FUZZ_RUNS ?? 10_000), postgresql: 1_000 } as const
const HTTP_RUNS = 500
/** Deliveries in flight at once. */
const GROUP = 25
const config = { accessId: 'fuzzclient0000000001', accessSecret: 'fuzzsecret00000000000000000000ab' }

const SIGNINGS = [
  'wrong-secret',
  'tampered',
  'other-client',
  'stale',
  'future',
  'garbage-t',
  'missing-sign',
  'missing-t',
  'missing-client',
  'truncated-sign',
] as const
type Signing = 'valid' | 'valid-upper-case' | (typeof SIGNINGS)[number]
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.x+json']
const OTHER_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']

const caseArb = fc.record({
  form: fc.constantFrom('header', 'header', 'header', 'body') as fc.Arbitrary<'header' | 'body'>,
  body: payloadBytes,
  formPayload: fc.oneof({ weight: 4, arbitrary: payloadText }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
  signing: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<Signing>('valid', 'valid-upper-case') },
    { weight: 5, arbitrary: fc.constantFrom<Signing>(...SIGNINGS) },
  ),
  names: fc.record({
    clientId: fc.constantFrom('client_id', 'client-id', 'Client-Id', 'CLIENT_ID'),
    t: fc.constantFrom('t', 'timestamp', 'T'),
    sign: fc.constantFrom('sign', 'Sign', 'SIGN'),
  }),
  seconds: fc.boolean(),
  contentType: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...JSON_TYPES) }, fc.constantFrom(...OTHER_TYPES)),
  extraHeaders: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), fc.string({ maxLength: 40 }), {
    maxKeys: 3,
  }),
  oversize: fc.integer({ min: 0, max: 199 }).map((n) => n === 0),
  replay: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
})
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

type Built = { headers: Headers; body: Buffer; authentic: boolean; contentOk: boolean; tooLarge: boolean }

function timestampFor(signing: Signing, seconds: boolean): string {
  const now = Date.now()
  if (signing === 'stale') return String(now - 6 * 60_000)
  if (signing === 'future') return String(now + 6 * 60_000)
  if (signing === 'garbage-t') return 'yesterday'
  return seconds ? String(Math.floor(now / 1000)) : String(now)
}

/** The request a sender would make for this case (signed afresh each time, so a replay is a new delivery). */
function buildRequest(c: Case): Built {
  const t = timestampFor(c.signing, c.seconds)
  const clientId = c.signing === 'other-client' ? 'someoneelse000000001' : config.accessId
  const secret = c.signing === 'wrong-secret' ? 'ffffffffffffffffffffffffffffffff' : config.accessSecret
  const signed: Buffer | string =
    c.form === 'body' ? (typeof c.formPayload === 'string' ? c.formPayload : JSON.stringify(c.formPayload)) : c.body
  let sign = signWebhook({ secret, clientId, t, body: signed })
  if (c.signing === 'valid-upper-case') sign = sign.toUpperCase()
  if (c.signing === 'truncated-sign') sign = sign.slice(0, 40)
  if (c.signing === 'tampered') sign = `${sign[0] === 'a' ? 'b' : 'a'}${sign.slice(1)}`

  let body = c.body
  const headers = new Headers(c.extraHeaders)
  if (c.contentType) headers.set('content-type', c.contentType)
  if (c.form === 'header') {
    if (c.signing !== 'missing-client') headers.set(c.names.clientId, clientId)
    if (c.signing !== 'missing-t') headers.set(c.names.t, t)
    if (c.signing !== 'missing-sign') headers.set(c.names.sign, sign)
  } else {
    const form: Record<string, unknown> = { payload: c.formPayload }
    if (c.signing !== 'missing-client') form['client-id'] = clientId
    if (c.signing !== 'missing-t') form.timestamp = c.seconds ? t : Number(t) || t
    if (c.signing !== 'missing-sign') form.sign = sign
    body = Buffer.from(JSON.stringify(form))
  }
  if (c.oversize) body = Buffer.concat([body, Buffer.alloc(WEBHOOK_MAX_BYTES + 1 - body.length + 10, 0x20)])
  return {
    headers,
    body,
    authentic:
      (c.signing === 'valid' || c.signing === 'valid-upper-case') &&
      (c.form === 'header' || typeof c.formPayload === 'string'),
    contentOk: JSON_TYPES.includes(c.contentType),
    tooLarge: body.length > WEBHOOK_MAX_BYTES,
  }
}

type Answer = { status: number; retryAfter: string | null; json: Record<string, unknown> }

function describeCase(c: Case, built: Built, answer: Answer): string {
  const preview = built.body.subarray(0, 200).toString('utf8')
  return `${c.form} form, ${c.signing}, content-type "${c.contentType}", ${built.body.length} bytes: ${preview} → ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`
}

/** The documented answer for this request, never a 5xx except 503 busy. */
function checkAnswer(c: Case, built: Built, answer: Answer) {
  const why = describeCase(c, built, answer)
  if (answer.status === 503) {
    expect((answer.json.error as { code?: string })?.code, why).toBe('busy')
    expect(answer.retryAfter, why).toMatch(/^\d+$/)
    return
  }
  const expected = !built.contentOk ? [415] : built.tooLarge ? [413] : !built.authentic ? [401] : [200, 400]
  expect(expected, why).toContain(answer.status)
  if (answer.status === 200) {
    expect(answer.json, why).toMatchObject({ ok: true, duplicate: expect.any(Boolean), id: expect.any(String) })
  } else {
    expect(answer.json.error, why).toMatchObject({ code: expect.any(String), message: expect.any(String) })
  }
}

async function toAnswer(response: Response): Promise<Answer> {
  const text = await response.text()
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: JSON.parse(text) }
}

/** The text a stored row would hold for this case's message (the signed payload as text). */
function storedTextOf(c: Case): string {
  if (c.form === 'body') return typeof c.formPayload === 'string' ? c.formPayload : JSON.stringify(c.formPayload)
  return c.body.toString('utf8')
}

describe.each(TEST_PROVIDERS)('webhook fuzz on %s', (provider) => {
  let test: TestDatabase
  let server: Server
  let url: string
  /** Every text sent authentically so far: the same text sent unsigned elsewhere may legitimately be stored. */
  const authenticTexts = new Set<string>()

  beforeAll(async () => {
    test = await createTestDatabase(provider)
    server = createServer((req, res) => {
      if (isWebhookRequest(req)) return void serveWebhook(req, res, test.db, config)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/tuya`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await test.drop()
  })

  /** Each stored row once, by id, and the row each text went to: one text is one message, so one row. */
  const seenRows = new Set<string>()
  const rowOfText = new Map<string, string>()

  /** One delivery, checked; an authentic one that was taken is sent again and must come back as a duplicate. */
  async function deliver(send: (built: Built) => Promise<Answer>, c: Case, built: Built) {
    const answer = await send(built)
    checkAnswer(c, built, answer)
    if (!c.replay || ![200, 400].includes(answer.status)) return
    const again = await send(buildRequest(c))
    const why = describeCase(c, built, again)
    expect(again.status, why).toBe(answer.status)
    if (answer.status === 200) expect(again.json, why).toEqual({ ok: true, duplicate: true, id: answer.json.id })
  }

  /**
   * Cases go in concurrent groups, as deliveries arrive, so the group-commit writer batches them (one at a time
   * would take minutes on a loaded machine). Then the rows the group stored are read back: none holds the text of
   * a refused delivery, and no text (a message, and so its replay) was stored twice.
   */
  async function deliverGroup(send: (built: Built) => Promise<Answer>, cases: Case[]) {
    const since = new Date(Date.now() - 1)
    const built = cases.map(buildRequest)
    cases.forEach((c, i) => built[i].authentic && authenticTexts.add(storedTextOf(c)))
    await Promise.all(cases.map((c, i) => deliver(send, c, built[i])))
    const refused = new Set(cases.filter((_c, i) => !built[i].authentic).map(storedTextOf))
    const stored = await test.db.inboundMessage.findMany({
      where: { receivedAt: { gte: since } },
      select: { id: true, payload: true },
    })
    for (const row of stored.filter((r) => !seenRows.has(r.id))) {
      seenRows.add(row.id)
      const leaked = refused.has(row.payload) && !authenticTexts.has(row.payload)
      expect(leaked, `stored from a delivery that was not authentic: ${row.payload.slice(0, 300)}`).toBe(false)
      expect(rowOfText.get(row.payload) ?? row.id, `stored twice: ${row.payload.slice(0, 300)}`).toBe(row.id)
      rowOfText.set(row.payload, row.id)
    }
  }

  const direct = async (built: Built) =>
    toAnswer(
      await handleTuyaWebhook(
        test.db,
        new Request(WEBHOOK_URL, { method: 'POST', headers: built.headers, body: new Uint8Array(built.body) }),
        config,
      ),
    )

  const overHttp = async (built: Built) =>
    toAnswer(await fetch(url, { method: 'POST', headers: built.headers, body: new Uint8Array(built.body) }))

  const runs = RUNS[provider]
  it(`${runs.toLocaleString('en')} generated bodies and header sets through the handler`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: GROUP, maxLength: GROUP }), (cases) =>
        deliverGroup(direct, cases),
      ),
      { numRuns: runs / GROUP },
    )
  }, 300_000)

  const httpRuns = provider === 'sqlite' ? HTTP_RUNS : HTTP_RUNS / 5
  it(`${httpRuns.toLocaleString('en')} more over real sockets (server.ts's node:http path)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: GROUP, maxLength: GROUP }), (cases) =>
        deliverGroup(overHttp, cases),
      ),
      { numRuns: httpRuns / GROUP },
    )
  }, 300_000)
})
