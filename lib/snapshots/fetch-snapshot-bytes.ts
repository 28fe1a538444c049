// Downloads a snapshot from an allowed host and nothing else (docs/snapshot-fetching.md), through the pinned GET
// in lib/net/pinned-get.ts (allowed hosts per hop, the checked address pinned, redirects by hand), with the body
// streamed under a byte cap, all under one deadline.
import type { IncomingMessage } from 'node:http'
import { PinnedGetError, pinnedGet, type ResolveHost } from '@/lib/net/pinned-get'
import type { AllowedHosts } from '@/lib/snapshots/allowed-hosts'

export type { ResolveHost, ResolvedAddress } from '@/lib/net/pinned-get'

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

/** The body of a 200 answer from an allowed host; SnapshotFetchError otherwise. */
export async function fetchSnapshotBytes(source: string, policy: SnapshotFetchPolicy): Promise<Buffer> {
  const { maxBytes, timeoutMs, maxRedirects } = { ...SNAPSHOT_FETCH_DEFAULTS, ...policy }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  let url: URL
  try {
    url = new URL(source)
  } catch {
    throw new SnapshotFetchError('snapshot URL is not a URL', true)
  }
  try {
    const { response } = await pinnedGet(url, {
      allowedHosts: policy.allowedHosts,
      maxRedirects,
      signal: controller.signal,
      resolve: policy.resolve,
      headers: { accept: 'image/jpeg, image/png, image/webp', 'user-agent': 'building-console-snapshots' },
    })
    if (response.statusCode !== 200) {
      response.destroy()
      throw new SnapshotFetchError(`image URL answered HTTP ${response.statusCode}`, false)
    }
    return await readCapped(response, maxBytes)
  } catch (error) {
    if (error instanceof SnapshotFetchError) throw error
    if (error instanceof PinnedGetError) throw refusal(error)
    if (controller.signal.aborted) throw new SnapshotFetchError(`no answer within ${timeoutMs} ms`, false)
    throw new SnapshotFetchError(`download failed: ${(error as Error).message}`, false)
  } finally {
    clearTimeout(timer)
  }
}

/** A refused hop, in the snapshot fetcher's words; only a name that did not resolve may resolve later. */
function refusal(error: PinnedGetError): SnapshotFetchError {
  if (error.reason === 'host_refused') {
    const via = error.redirected ? 'redirect to ' : ''
    return new SnapshotFetchError(`${via}${error.host} is not an allowed snapshot host`, true)
  }
  return new SnapshotFetchError(error.message, error.reason !== 'unresolvable')
}

/** For the snapshot fetcher: a refused host, an oversized body or bytes that are not an image stay failed. */
export function isPermanentSnapshotFailure(error: unknown): boolean {
  return error instanceof SnapshotFetchError && error.permanent
}
