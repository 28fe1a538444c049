// Cross-site request forgery guard (docs/web-security.md), checked once for every request in proxy.ts: a write
// that a browser could send with the guard's session cookie (POST, PUT, PATCH, DELETE) must carry this
// console's own Origin and a body type no HTML form can produce. Bearer-token calls carry no ambient
// credential and are not affected; the Tuya webhook is signed and cookie-less.
import { AppError } from '@/lib/errors'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const ACCEPTED_BODY_TYPES = new Set(['application/json', 'multipart/form-data'])
/** next-auth's own sign-in/sign-out forms post urlencoded bodies (protected by its CSRF token + this Origin check). */
const AUTH_PREFIX = '/api/auth/'
const WEBHOOK_PATH = '/api/webhooks/tuya'

export type WriteRequest = { method: string; url: string; headers: Headers }

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length')
  return headers.has('transfer-encoding') || (length !== null && length !== '0')
}

/**
 * The public URL's origin; over plain HTTP (demo on a laptop, reached as localhost or 127.0.0.1) also the
 * origin the request was addressed to. An https console accepts only its exact public origin, so a page on
 * http://same-host cannot write with the session.
 */
function originsOf(request: WriteRequest, publicUrl: string | undefined): Set<string> {
  const origins = new Set<string>()
  const configured = publicUrl && URL.canParse(publicUrl) ? new URL(publicUrl) : undefined
  if (configured) origins.add(configured.origin)
  const host = request.headers.get('host')
  if (host && configured?.protocol !== 'https:') origins.add(`${new URL(request.url).protocol}//${host}`.toLowerCase())
  return origins
}

/** The refusal for a cross-site or form-encoded cookie write, or null when the request may proceed. */
export function refuseCrossSiteWrite(request: WriteRequest, publicUrl: string | undefined): AppError | null {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return null
  if (/^bearer\s/i.test(request.headers.get('authorization') ?? '')) return null
  const path = new URL(request.url).pathname
  if (path === WEBHOOK_PATH) return null
  const isAuth = path.startsWith(AUTH_PREFIX)
  if (!request.headers.has('cookie') && !isAuth) return null

  const origin = request.headers.get('origin')?.toLowerCase()
  if (!origin || !originsOf(request, publicUrl).has(origin)) {
    return new AppError('cross_origin', 'Writes with a session cookie must come from the console’s own pages', 403)
  }
  if (isAuth) return null
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
  if (type === undefined ? hasBody(request.headers) : !ACCEPTED_BODY_TYPES.has(type)) {
    return new AppError('unsupported_media_type', 'Send the body as application/json or multipart/form-data', 415)
  }
  return null
}
