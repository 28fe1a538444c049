// A tiny router over node:http: `{name}` path segments, first match wins. Enough for the simulator, no framework.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

export type SimRequest = {
  method: string
  /** Path as received (still percent-encoded). */
  rawPath: string
  /** Query string as received, without "?". */
  rawQuery: string
  query: URLSearchParams
  params: Record<string, string>
  headers: IncomingHttpHeaders
  /** Bytes received, whatever the method (the Node SDK sends "{}" with GET). */
  rawBody: Buffer
}

export type SimResponse = { status: number; headers?: Record<string, string>; body: string | Buffer }

type Route<H> = { method: string; pattern: string; regex: RegExp; names: string[]; handler: H }

export type RouteMatch<H> =
  { found: true; handler: H; params: Record<string, string>; pattern: string } | { found: false; pathKnown: boolean }

function compilePattern(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = []
  const source = pattern
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment)
      if (m) {
        names.push(m[1])
        return '([^/]+)'
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { regex: new RegExp(`^${source}$`), names }
}

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Routes to handlers of any shape `H` (the OpenAPI keeps a rate limit beside each handler). */
export class Router<H> {
  private readonly routes: Route<H>[] = []

  on(method: string, pattern: string, handler: H): this {
    this.routes.push({ method: method.toUpperCase(), pattern, handler, ...compilePattern(pattern) })
    return this
  }

  match(method: string, path: string): RouteMatch<H> {
    let pathKnown = false
    for (const route of this.routes) {
      const m = route.regex.exec(path)
      if (!m) continue
      pathKnown = true
      if (route.method !== method.toUpperCase()) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => (params[name] = decodeSegment(m[i + 1])))
      return { found: true, handler: route.handler, params, pattern: route.pattern }
    }
    return { found: false, pathKnown }
  }
}

const MAX_BODY_BYTES = 8 * 1024 * 1024

/** Reads the whole body; rejects bodies over 8 MiB (the simulator has no business with bigger ones). */
export function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Splits a request URL into path and raw query without normalising either (the signature covers them). */
export function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const q = url.indexOf('?')
  return q < 0 ? { rawPath: url, rawQuery: '' } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) }
}

export function jsonResponse(status: number, value: unknown): SimResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) }
}

/** Parses a JSON body; an empty body is `{}` (clients send nothing or "{}" alike). */
export function parseJsonBody(req: SimRequest): unknown {
  const text = req.rawBody.toString('utf8').trim()
  if (text === '') return {}
  return JSON.parse(text)
}
