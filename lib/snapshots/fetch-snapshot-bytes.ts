// Downloads a snapshot from an allowed host and nothing else (docs/snapshot-fetching.md): each hop's host is
// checked, its name resolved once and the connection made to exactly that checked address (no DNS-rebinding
// window), redirects followed by hand only to allowed hosts, the body streamed under a byte cap, all under one
// deadline. Node's fetch cannot pin the address, so this speaks node:http(s) directly.
import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { bareAddress, isNonPublicAddress } from '@/lib/net/ip-ranges'
import type { AllowedHosts } from '@/lib/snapshots/allowed-hosts'

export type ResolvedAddress = { address: string; family: number }
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>

export type SnapshotFetchPolicy = {
  allowedHosts: AllowedHosts
  maxBytes?: number
  timeoutMs?: number
  maxRedirects?: number
  /** Name resolution; the system resolver by default (tests map names to local servers). */
  resolve?: ResolveHost
}

export const SNAPSHOT_FETCH_DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3 }

/** A failed download. `permanent`: trying again cannot help (refused host, too large), so do not retry. */
export class SnapshotFetchError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message)
    this.name = 'SnapshotFetchError'
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

/** The one address this hop may connect to; refuses private ranges unless the host was listed explicitly. */
async function resolveHop(url: URL, explicit: boolean, resolve: ResolveHost): Promise<ResolvedAddress> {
  const literal = bareAddress(url.hostname)
  const addresses = isIP(literal)
    ? [{ address: literal, family: isIP(literal) }]
    : await resolve(url.hostname).catch((error: Error) => {
        throw new SnapshotFetchError(`cannot resolve ${url.hostname}: ${error.message}`, false)
      })
  if (addresses.length === 0) throw new SnapshotFetchError(`cannot resolve ${url.hostname}`, false)
  // Every answer is checked, not just the first: a mixed answer is how rebinding attacks start.
  const blocked = addresses.find((a) => isNonPublicAddress(a.address))
  if (blocked && !explicit) {
    throw new SnapshotFetchError(
      `${url.hostname} resolves to ${blocked.address}, a private, loopback or link-local address`,
      true,
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

function requestHop(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(pinned),
      signal,
      headers: { accept: 'image/jpeg, image/png, image/webp', 'user-agent': 'building-console-snapshots' },
    })
    req.on('response', resolve)
    req.on('error', reject)
    req.end()
  })
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new SnapshotFetchError(`image larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`, true)
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) {
      response.destroy()
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function checkAllowed(url: URL, allowedHosts: AllowedHosts, via: string) {
  const rule = (url.protocol === 'http:' || url.protocol === 'https:') && allowedHosts.match(url)
  if (!rule) throw new SnapshotFetchError(`${via}${url.host} is not an allowed snapshot host`, true)
  return rule
}

/** The body of a 200 answer from an allowed host; SnapshotFetchError otherwise. */
export async function fetchSnapshotBytes(source: string, policy: SnapshotFetchPolicy): Promise<Buffer> {
  const { maxBytes, timeoutMs, maxRedirects } = { ...SNAPSHOT_FETCH_DEFAULTS, ...policy }
  const resolve = policy.resolve ?? systemResolve
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  let url: URL
  try {
    url = new URL(source)
  } catch {
    throw new SnapshotFetchError('snapshot URL is not a URL', true)
  }
  try {
    for (let hop = 0; ; hop++) {
      const rule = checkAllowed(url, policy.allowedHosts, hop === 0 ? '' : 'redirect to ')
      const pinned = await resolveHop(url, rule.explicit, resolve)
      const response = await requestHop(url, pinned, controller.signal)
      const status = response.statusCode ?? 0
      if (REDIRECTS.has(status)) {
        response.destroy()
        if (hop >= maxRedirects) throw new SnapshotFetchError(`too many redirects (more than ${maxRedirects})`, true)
        url = new URL(response.headers.location ?? '', url)
        continue
      }
      if (status !== 200) {
        response.destroy()
        throw new SnapshotFetchError(`image URL answered HTTP ${status}`, false)
      }
      return await readCapped(response, maxBytes)
    }
  } catch (error) {
    if (error instanceof SnapshotFetchError) throw error
    if (controller.signal.aborted) throw new SnapshotFetchError(`no answer within ${timeoutMs} ms`, false)
    throw new SnapshotFetchError(`download failed: ${(error as Error).message}`, false)
  } finally {
    clearTimeout(timer)
  }
}

/** For the snapshot fetcher: a refused host, an oversized body or bytes that are not an image stay failed. */
export function isPermanentSnapshotFailure(error: unknown): boolean {
  return error instanceof SnapshotFetchError && error.permanent
}
