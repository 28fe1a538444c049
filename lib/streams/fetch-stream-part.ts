// Fetches one playlist or segment of a live view from an allowed host and nothing else, through the same pinned
// GET as snapshots (lib/net/pinned-get.ts, docs/snapshot-fetching.md): each hop's host checked, its address pinned,
// private addresses only for hosts listed explicitly, redirects to allowed hosts only, everything under one deadline.
// Only HLS media types are accepted.
import type { IncomingMessage } from 'node:http'
import type { ErrorCode } from '@/lib/http/error-codes'
import { PinnedGetError, pinnedGet, type ResolveHost } from '@/lib/net/pinned-get'
import type { AllowedHosts } from '@/lib/snapshots/allowed-hosts'
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
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const done = () => clearTimeout(timer)
  try {
    const { response, url } = await pinnedGet(new URL(source), {
      allowedHosts: policy.allowedHosts,
      maxRedirects: policy.maxRedirects ?? 3,
      signal: controller.signal,
      resolve: policy.resolve,
      headers: {
        accept: 'application/vnd.apple.mpegurl, video/mp2t, video/mp4',
        'user-agent': 'building-console-live',
      },
    })
    const status = response.statusCode ?? 0
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
  } catch (error) {
    done()
    if (error instanceof StreamFetchError) throw error
    if (error instanceof PinnedGetError) {
      const code =
        error.reason === 'unresolvable' || error.reason === 'too_many_redirects'
          ? 'stream_unreachable'
          : 'stream_host_refused'
      throw new StreamFetchError(error.message, 502, code)
    }
    if (controller.signal.aborted) throw new StreamFetchError(`no answer within ${timeoutMs} ms`, 504, 'stream_timeout')
    throw new StreamFetchError(`stream fetch failed: ${(error as Error).message}`, 502, 'stream_unreachable')
  }
}
