// Fetches one playlist or segment of a live view from an allowed host and nothing else, the way snapshots are
// fetched (docs/snapshot-fetching.md): each hop's host checked, its name resolved once and the connection made to
// exactly that checked address (no DNS rebinding), private addresses only for hosts listed explicitly, redirects
// followed by hand to allowed hosts only, everything under one deadline. Only HLS media types are accepted.
import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { ErrorCode } from '@/lib/http/error-codes'
import { bareAddress, isNonPublicAddress } from '@/lib/net/ip-ranges'
import type { AllowedHosts } from '@/lib/snapshots/allowed-hosts'
import type { ResolveHost, ResolvedAddress } from '@/lib/snapshots/fetch-snapshot-bytes'
import type { StreamPartKind } from '@/lib/streams/stream-token'

export type StreamFetchPolicy = {
  allowedHosts: AllowedHosts
  timeoutMs?: number
  maxRedirects?: number
  resolve?: ResolveHost
}

/** A refused or failed upstream part; `status` is what our proxy answers. */
export class StreamFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: ErrorCode,
  ) {
    super(message)
    this.name = 'StreamFetchError'
  }
}

/** Declared types we accept (lower case, parameters stripped). Segments also accept octet-stream: docs/live-view.md. */
export const HLS_CONTENT_TYPES: Record<StreamPartKind, ReadonlySet<string>> = {
  playlist: new Set(['application/vnd.apple.mpegurl', 'application/x-mpegurl', 'audio/mpegurl', 'audio/x-mpegurl']),
  segment: new Set(['video/mp2t', 'video/mp4', 'video/iso.segment', 'application/octet-stream']),
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

async function resolveHop(url: URL, explicit: boolean, resolve: ResolveHost): Promise<ResolvedAddress> {
  const literal = bareAddress(url.hostname)
  const addresses = isIP(literal)
    ? [{ address: literal, family: isIP(literal) }]
    : await resolve(url.hostname).catch(() => [])
  if (addresses.length === 0) throw new StreamFetchError(`cannot resolve ${url.hostname}`, 502, 'stream_unreachable')
  const blocked = addresses.find((a) => isNonPublicAddress(a.address))
  if (blocked && !explicit) {
    throw new StreamFetchError(`${url.hostname} resolves to a private address`, 502, 'stream_host_refused')
  }
  return addresses[0]
}

function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned])
    else callback(null, pinned.address, pinned.family)
  }
}

function requestHop(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(pinned),
      signal,
      headers: {
        accept: 'application/vnd.apple.mpegurl, video/mp2t, video/mp4',
        'user-agent': 'building-console-live',
      },
    })
    req.on('response', resolve)
    req.on('error', reject)
    req.end()
  })
}

export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0].trim().toLowerCase()
}

export type UpstreamPart = { response: IncomingMessage; mediaType: string; url: string; done(): void }

/**
 * The 200 answer of an allowed host with an HLS media type for `kind`, body unread. The caller reads it and
 * calls `done()` (which clears the deadline); the deadline aborts the body too.
 */
export async function fetchStreamPart(source: string, kind: StreamPartKind, policy: StreamFetchPolicy) {
  const timeoutMs = policy.timeoutMs ?? 10_000
  const maxRedirects = policy.maxRedirects ?? 3
  const resolve = policy.resolve ?? systemResolve
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const done = () => clearTimeout(timer)
  let url = new URL(source)
  try {
    for (let hop = 0; ; hop++) {
      const rule = (url.protocol === 'http:' || url.protocol === 'https:') && policy.allowedHosts.match(url)
      if (!rule) throw new StreamFetchError(`${url.host} is not an allowed stream host`, 502, 'stream_host_refused')
      const response = await requestHop(url, await resolveHop(url, rule.explicit, resolve), controller.signal)
      const status = response.statusCode ?? 0
      if (REDIRECTS.has(status) && hop < maxRedirects) {
        response.destroy()
        url = new URL(response.headers.location ?? '', url)
        continue
      }
      if (status !== 200) {
        response.destroy()
        // Tuya answers an expired or revoked URL with 403/410: the browser should allocate again.
        if (status === 403 || status === 410)
          throw new StreamFetchError('the stream URL has expired', 410, 'stream_expired')
        if (status === 404) throw new StreamFetchError('no such stream part', 404, 'not_found')
        throw new StreamFetchError(`the stream host answered HTTP ${status}`, 502, 'stream_unreachable')
      }
      const mediaType = mediaTypeOf(response.headers['content-type'])
      if (!HLS_CONTENT_TYPES[kind].has(mediaType)) {
        response.destroy()
        throw new StreamFetchError(`not an HLS ${kind} (${mediaType || 'no type'})`, 502, 'stream_bad_type')
      }
      return { response, mediaType, url: url.toString(), done } satisfies UpstreamPart
    }
  } catch (error) {
    done()
    if (error instanceof StreamFetchError) throw error
    if (controller.signal.aborted) throw new StreamFetchError(`no answer within ${timeoutMs} ms`, 504, 'stream_timeout')
    throw new StreamFetchError(`stream fetch failed: ${(error as Error).message}`, 502, 'stream_unreachable')
  }
}
