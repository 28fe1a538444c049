// `GET /api/streams/{token}`: one playlist or segment of a live view, fetched from the upstream URL sealed in the
// token (lib/streams/stream-token.ts) and streamed to the browser from our own origin (docs/live-view.md).
// Playlists are read (capped), checked and rewritten so every URI in them is another sealed token; segments are
// sniffed (MPEG-TS or fragmented MP4) and streamed through under a byte cap, never buffered whole.
import { AppError, forbidden, notFound } from '@/lib/errors'
import { apiPaths } from '@/lib/http/api-paths'
import { PlaylistError, rewritePlaylist } from '@/lib/streams/hls-playlist'
import { fetchStreamPart, StreamFetchError, type StreamFetchPolicy } from '@/lib/streams/fetch-stream-part'
import { openStreamToken, sealStreamToken, type StreamToken } from '@/lib/streams/stream-token'

export type StreamProxyConfig = {
  secret: string
  /** Read only when something is fetched (a refused token costs no environment lookup). */
  policy: () => StreamFetchPolicy
  now?: () => number
  maxPlaylistBytes?: number
  maxSegmentBytes?: number
}

const MAX_PLAYLIST_BYTES = 256 * 1024
const MAX_SEGMENT_BYTES = 16 * 1024 * 1024

/** What our answers carry whatever the part: never cached by shared caches, never sniffed, never a document. */
const COMMON_HEADERS = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
}

export function streamPartPath(token: StreamToken, secret: string): string {
  return apiPaths.streamPart(sealStreamToken(token, secret))
}

/** The type the bytes are: MPEG-TS (sync byte 0x47 every 188 bytes) or an ISO-BMFF box; null otherwise. */
export function sniffSegmentType(head: Uint8Array): 'video/mp2t' | 'video/mp4' | null {
  if (head.length >= 1 && head[0] === 0x47 && (head.length < 189 || head[188] === 0x47)) return 'video/mp2t'
  if (head.length >= 8) {
    const box = String.fromCharCode(...head.subarray(4, 8))
    if (['ftyp', 'styp', 'moof', 'sidx', 'moov'].includes(box)) return 'video/mp4'
  }
  return null
}

function asAppError(error: unknown): unknown {
  if (error instanceof StreamFetchError) return new AppError(error.code, error.message, error.status)
  if (error instanceof PlaylistError) return new AppError('stream_bad_playlist', error.message, 502)
  return error
}

export async function proxyStreamPart(sealed: string, userId: string, config: StreamProxyConfig): Promise<Response> {
  const now = (config.now ?? Date.now)()
  const opened = openStreamToken(sealed, config.secret, userId, now)
  if (!opened.ok) {
    if (opened.reason === 'not_yours') throw forbidden('This stream was opened by another account')
    if (opened.reason === 'expired') throw new AppError('stream_expired', 'This stream link has expired', 410)
    throw notFound('Stream')
  }
  try {
    return opened.token.k === 'playlist'
      ? await proxyPlaylist(opened.token, config)
      : await proxySegment(opened.token, config)
  } catch (error) {
    throw asAppError(error)
  }
}

async function proxyPlaylist(token: StreamToken, config: StreamProxyConfig): Promise<Response> {
  const max = config.maxPlaylistBytes ?? MAX_PLAYLIST_BYTES
  const policy = config.policy()
  const upstream = await fetchStreamPart(token.u, 'playlist', policy)
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of upstream.response as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > max) {
        upstream.response.destroy()
        throw new StreamFetchError(`playlist larger than ${max} bytes`, 502, 'stream_too_large')
      }
      chunks.push(chunk)
    }
  } finally {
    upstream.done()
  }
  const text = Buffer.concat(chunks).toString('utf8')
  const rewritten = rewritePlaylist(text, upstream.url, (absolute, kind) => {
    if (!policy.allowedHosts.match(new URL(absolute))) return null
    return streamPartPath({ u: absolute, k: kind, uid: token.uid, exp: token.exp }, config.secret)
  })
  return new Response(rewritten, {
    headers: { ...COMMON_HEADERS, 'content-type': 'application/vnd.apple.mpegurl' },
  })
}

async function proxySegment(token: StreamToken, config: StreamProxyConfig): Promise<Response> {
  const max = config.maxSegmentBytes ?? MAX_SEGMENT_BYTES
  const upstream = await fetchStreamPart(token.u, 'segment', config.policy())
  const chunks = (upstream.response as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  const stop = () => {
    upstream.response.destroy()
    upstream.done()
  }
  // Enough bytes to tell MPEG-TS from MP4 (189) before answering.
  let head = Buffer.alloc(0)
  try {
    while (head.length < 189) {
      const next = await chunks.next()
      if (next.done) break
      head = Buffer.concat([head, next.value])
    }
  } catch (error) {
    stop()
    throw error
  }
  const type = sniffSegmentType(head)
  if (!type) {
    stop()
    throw new StreamFetchError('the segment is neither MPEG-TS nor MP4', 502, 'stream_bad_type')
  }
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      sent = head.length
      if (head.length > 0) controller.enqueue(new Uint8Array(head))
    },
    async pull(controller) {
      try {
        const next = await chunks.next()
        if (next.done) {
          upstream.done()
          controller.close()
          return
        }
        sent += next.value.length
        if (sent > max) throw new Error(`segment larger than ${max} bytes`)
        controller.enqueue(new Uint8Array(next.value))
      } catch (error) {
        stop()
        controller.error(error)
      }
    },
    cancel: stop,
  })
  return new Response(body, { headers: { ...COMMON_HEADERS, 'content-type': type } })
}
