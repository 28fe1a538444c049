// The control API changes what the simulated cloud does (it fires unlock events, points the webhook elsewhere,
// injects faults), so a web page open in a guard's browser must not be able to drive it. A page can send a
// cross-site "simple" POST (form or text/plain) without any CORS check, and a rebound DNS name can make the
// page same-origin with 127.0.0.1: mutating calls therefore must be application/json (which a page can only
// send after a CORS preflight that the simulator never grants) and, when the browser names an Origin, come
// from a loopback origin.
import { jsonResponse, type SimRequest, type SimResponse } from '@/simulator/http/router'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** localhost, *.localhost, 127.0.0.0/8 and [::1], on any port or scheme. */
export function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false
  const { hostname } = new URL(origin)
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  )
}

const refuse = (status: number, code: string, message: string) =>
  jsonResponse(status, { ok: false, error: { code, message } })

/** The refusal for a mutating call that a browser page could have made, or undefined when it may proceed. */
export function refuseUnsafeControlCall(req: SimRequest): SimResponse | undefined {
  if (!MUTATING.has(req.method.toUpperCase())) return undefined
  const contentType = String(req.headers['content-type'] ?? '')
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return refuse(415, 'unsupported_media_type', `${req.method} calls must send content-type: application/json`)
  }
  const origin = req.headers.origin
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    return refuse(403, 'forbidden_origin', `control calls are accepted from loopback origins only, not ${origin}`)
  }
  return undefined
}
