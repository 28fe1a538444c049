// Next 16 Proxy (formerly middleware), run before every page and API route: refuses cross-site cookie writes
// (lib/http/same-origin.ts) and puts the browser protections on every answer (lib/http/security-headers.ts),
// with a fresh CSP nonce per page that the root layout and Next's own scripts use. server.ts answers the
// webhook itself and adds the same API headers there.
import { NextResponse, type NextRequest } from 'next/server'
import { errorResponse } from '@/lib/http/error-response'
import { refuseCrossSiteWrite } from '@/lib/http/same-origin'
import {
  apiSecurityHeaders,
  baseSecurityHeaders,
  createNonce,
  NONCE_HEADER,
  pageContentSecurityPolicy,
  servedOverHttps,
} from '@/lib/http/security-headers'

function withHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export function proxy(request: NextRequest) {
  const https = servedOverHttps()
  const isApi = request.nextUrl.pathname.startsWith('/api/')
  const refusal = refuseCrossSiteWrite(request, process.env.NEXTAUTH_URL)
  const apiHeaders = apiSecurityHeaders(https)
  if (refusal) return withHeaders(errorResponse(refusal), apiHeaders)
  if (isApi) return withHeaders(NextResponse.next(), apiHeaders)

  const nonce = createNonce()
  const csp = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https })
  // Next reads the nonce for its own scripts from the request's CSP header; the layout reads x-nonce.
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set(NONCE_HEADER, nonce)
  requestHeaders.set('content-security-policy', csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  return withHeaders(response, { ...baseSecurityHeaders(https), 'content-security-policy': csp })
}

export const config = {
  // Static build output carries no user data and no inline script; everything else is covered.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
