// A GET that reaches allowed hosts and nothing else, shared by every fetch of a URL that came from a device message
// (snapshots, live-view playlists and segments; docs/snapshot-fetching.md). For each hop: the host must be allowed,
// its name is resolved once and every answer checked (private, loopback and link-local ranges only for hosts listed
// explicitly), and the connection goes to exactly that checked address, so DNS rebinding has no window. Redirects
// are followed by hand, each to an allowed host, at most `maxRedirects` times. Node's fetch cannot pin the address,
// so this speaks node:http(s) directly. Callers read the answer and map refusals to their own errors.
import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { bareAddress, isNonPublicAddress } from '@/lib/net/ip-ranges'
import type { AllowedHosts } from '@/lib/snapshots/allowed-hosts'

export type ResolvedAddress = { address: string; family: number }
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>

export type PinnedGetRefusal = 'host_refused' | 'private_address' | 'unresolvable' | 'too_many_redirects'

/** Why a URL was not fetched; `redirected`: the refusal concerns a redirect's target, not the URL given. */
export class PinnedGetError extends Error {
  constructor(
    message: string,
    readonly reason: PinnedGetRefusal,
    /** The host of the refused hop. */
    readonly host: string,
    readonly redirected: boolean,
  ) {
    super(message)
    this.name = 'PinnedGetError'
  }
}

export type PinnedGetRequest = {
  allowedHosts: AllowedHosts
  maxRedirects: number
  signal: AbortSignal
  headers: Record<string, string>
  /** Name resolution; the system resolver by default (tests map names to local servers). */
  resolve?: ResolveHost
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

/** The one address this hop may connect to. */
async function resolveHop(url: URL, explicit: boolean, resolve: ResolveHost, redirected: boolean) {
  const literal = bareAddress(url.hostname)
  const addresses = isIP(literal)
    ? [{ address: literal, family: isIP(literal) }]
    : await resolve(url.hostname).catch((error: Error) => {
        throw new PinnedGetError(
          `cannot resolve ${url.hostname}: ${error.message}`,
          'unresolvable',
          url.host,
          redirected,
        )
      })
  if (addresses.length === 0)
    throw new PinnedGetError(`cannot resolve ${url.hostname}`, 'unresolvable', url.host, redirected)
  // Every answer is checked, not just the first: a mixed answer is how rebinding attacks start.
  const blocked = addresses.find((a) => isNonPublicAddress(a.address))
  if (blocked && !explicit) {
    throw new PinnedGetError(
      `${url.hostname} resolves to ${blocked.address}, a private, loopback or link-local address`,
      'private_address',
      url.host,
      redirected,
    )
  }
  return addresses[0]
}

function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned])
    else callback(null, pinned.address, pinned.family)
  }
}

function requestHop(url: URL, pinned: ResolvedAddress, request: PinnedGetRequest): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(pinned),
      signal: request.signal,
      headers: request.headers,
    })
    req.on('response', resolve)
    req.on('error', reject)
    req.end()
  })
}

/**
 * The first answer that is not a redirect (any status, body unread) and the URL that gave it. Throws
 * PinnedGetError for a refused hop; network errors and the caller's abort pass through as they are.
 */
export async function pinnedGet(
  source: URL,
  request: PinnedGetRequest,
): Promise<{ response: IncomingMessage; url: URL }> {
  const resolve = request.resolve ?? systemResolve
  let url = source
  for (let hop = 0; ; hop++) {
    const redirected = hop > 0
    const rule = (url.protocol === 'http:' || url.protocol === 'https:') && request.allowedHosts.match(url)
    if (!rule) throw new PinnedGetError(`${url.host} is not an allowed host`, 'host_refused', url.host, redirected)
    const pinned = await resolveHop(url, rule.explicit, resolve, redirected)
    const response = await requestHop(url, pinned, request)
    if (!REDIRECTS.has(response.statusCode ?? 0)) return { response, url }
    response.destroy()
    if (hop >= request.maxRedirects)
      throw new PinnedGetError(
        `too many redirects (more than ${request.maxRedirects})`,
        'too_many_redirects',
        url.host,
        true,
      )
    url = new URL(response.headers.location ?? '', url)
  }
}
