// A scriptable in-process Tuya OpenAPI for tests: verifies every signature with verifyOpenApiRequest, issues
// and refreshes tokens like docs/tuya-protocol.md §2.3 (refresh is single use and kills the old pair), and lets a
// test script per-route answers. Usable as an injected fetch or as a real HTTP server. Test support only.
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyOpenApiRequest } from '@/lib/tuya/openapi/openapi-verify'

export type FakeRequest = {
  method: string
  path: string
  query: URLSearchParams
  body: string
  headers: Headers
  accessToken: string
}

export type FakeAnswer =
  | { result: unknown }
  | { code: number; msg?: string }
  | { httpStatus: number; text: string }
  /** Never answer (until the client aborts). */
  | { hang: true }

export type FakeHandler = (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>

export type FakeOpenApiOptions = { accessId: string; secret: string; expireSeconds?: number; now?: () => number }

export function createFakeOpenApi({ accessId, secret, expireSeconds = 7200, now = Date.now }: FakeOpenApiOptions) {
  const routes = new Map<string, FakeHandler>()
  const validTokens = new Set<string>()
  const refreshTokens = new Map<string, string>() // refresh → access
  const calls: FakeRequest[] = []
  const stats = { grants: 0, refreshes: 0, failedRefreshes: 0, rejectedSignatures: 0 }
  let serial = 0
  let tidSerial = 0
  let failRefresh = false

  const envelope = (answer: FakeAnswer): { status: number; text: string } | 'hang' => {
    const t = now()
    const tid = (++tidSerial).toString(16).padStart(32, '0')
    if ('hang' in answer) return 'hang'
    if ('httpStatus' in answer) return { status: answer.httpStatus, text: answer.text }
    if ('code' in answer)
      return {
        status: 200,
        text: JSON.stringify({ success: false, code: answer.code, msg: answer.msg ?? `error ${answer.code}`, t, tid }),
      }
    return { status: 200, text: JSON.stringify({ success: true, result: answer.result, t, tid }) }
  }

  function issue(): FakeAnswer {
    const n = ++serial
    const access = `access-${n}`
    const refresh = `refresh-${n}`
    validTokens.add(access)
    refreshTokens.set(refresh, access)
    return { result: { access_token: access, refresh_token: refresh, expire_time: expireSeconds, uid: 'ay-test' } }
  }

  async function answer(
    method: string,
    rawUrl: string,
    headers: Headers,
    body: string,
  ): Promise<{ status: number; text: string } | 'hang'> {
    const url = new URL(rawUrl, 'http://fake')
    const pathWithQuery = url.pathname + url.search
    const verdict = verifyOpenApiRequest({
      method,
      pathWithQuery,
      rawBody: body,
      headers,
      clientId: accessId,
      secret,
      now: now(),
    })
    if (!verdict.ok) {
      stats.rejectedSignatures++
      return envelope({ code: verdict.code, msg: verdict.msg })
    }
    const req: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      headers,
      accessToken: verdict.accessToken,
    }
    calls.push(req)
    if (url.pathname === '/v1.0/token') {
      stats.grants++
      return envelope(issue())
    }
    if (url.pathname.startsWith('/v1.0/token/')) {
      const refresh = decodeURIComponent(url.pathname.slice('/v1.0/token/'.length))
      const oldAccess = refreshTokens.get(refresh)
      if (failRefresh || oldAccess === undefined) {
        stats.failedRefreshes++
        return envelope({ code: 1012, msg: 'token status is invalid' })
      }
      stats.refreshes++
      refreshTokens.delete(refresh)
      validTokens.delete(oldAccess)
      return envelope(issue())
    }
    if (!validTokens.has(verdict.accessToken)) return envelope({ code: 1010, msg: 'token is expired' })
    const handler = routes.get(`${method} ${url.pathname}`)
    if (!handler) return envelope({ code: 1108, msg: 'uri path invalid' })
    return envelope(await handler(req))
  }

  const fetchImpl = async (url: string, init: RequestInit): Promise<Response> => {
    const out = await answer(
      init.method ?? 'GET',
      url,
      new Headers(init.headers),
      typeof init.body === 'string' ? init.body : '',
    )
    if (out === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    }
    return new Response(out.text, { status: out.status, headers: { 'content-type': 'application/json' } })
  }

  let server: Server | undefined
  return {
    calls,
    stats,
    fetch: fetchImpl,
    on(method: string, path: string, handler: FakeHandler) {
      routes.set(`${method} ${path}`, handler)
    },
    /** Tuya-side expiry/revocation of every token issued so far. */
    revokeAllTokens() {
      validTokens.clear()
    },
    setRefreshFails(fails: boolean) {
      failRefresh = fails
    },
    callsTo: (path: string) => calls.filter((c) => c.path === path),
    async listen(): Promise<string> {
      server = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          const headers = new Headers()
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
          void answer(req.method ?? 'GET', req.url ?? '/', headers, Buffer.concat(chunks).toString('utf8')).then(
            (out) => {
              if (out === 'hang') return
              res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.text)
            },
          )
        })
      })
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
    async close() {
      server?.closeAllConnections()
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    },
  }
}
