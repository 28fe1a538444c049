// The door cameras' live view, as Tuya's "Query live streaming address" hands it out (docs/live-view.md): an HLS
// URL with an expiring signature (`signInfo`) on a media host, answering a live playlist (no ENDLIST) whose
// `#EXT-X-MEDIA-SEQUENCE` advances with the clock, and 403 (bad signature) or 410 (expired) like Tuya's.
// The pictures are three short pre-encoded H.264 segments (simulator/media/hls/, made by regenerate.sh) looped
// with a discontinuity at every restart. Each allocation is its own session whose media sequence starts near 0
// (players such as hls.js choke on sequence numbers in the hundreds of millions), as if the camera had been
// streaming for one live window when the URL was handed out; its start is part of the signed `signInfo`, so no
// state is kept per allocation.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createShortId } from '@/simulator/state/ids'

export type HlsStreamOptions = {
  now: () => number
  /** How long an allocated URL plays. */
  ttlMs: number
  baseUrl: () => string
}

export type HlsAnswer = { status: number; headers: Record<string, string>; body: string | Buffer }

/** Seconds per segment: what regenerate.sh encodes. */
export const SEGMENT_SECONDS = 2
/** Segments listed in the live playlist (the live window: 10 s, room for a slow player to catch up). */
const WINDOW = 5
/** How far behind the live edge a segment may still be fetched (a slow player): 60 s. */
const SEGMENT_GRACE = 30

let loop: Buffer[] | undefined
function loopSegments(): Buffer[] {
  loop ??= [0, 1, 2].map((i) => readFileSync(path.join(__dirname, 'hls', `door-${i}.mpegts`)))
  return loop
}

const PLAYLIST = /^\/hls\/([^/]+)\/([A-Za-z0-9_-]+)\.m3u8$/
const SEGMENT = /^\/hls\/([^/]+)\/([A-Za-z0-9_-]+)\/(\d{1,12})\.ts$/

function plain(status: number, text: string): HlsAnswer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text }
}

export class HlsStreams {
  private readonly key = randomBytes(32)

  constructor(private readonly options: HlsStreamOptions) {}

  /** A fresh playback URL for a device's camera, valid for `ttlMs`. */
  allocate(deviceId: string): string {
    const streamId = createShortId('hls')
    const now = this.options.now()
    const start = now - WINDOW * SEGMENT_SECONDS * 1000
    const expires = Math.floor((now + this.options.ttlMs) / 1000)
    const signInfo = `${start}.${expires}.${this.mac(deviceId, streamId, start, expires)}`
    return `${this.options.baseUrl()}/hls/${encodeURIComponent(deviceId)}/${streamId}.m3u8?signInfo=${encodeURIComponent(signInfo)}`
  }

  handles(rawPath: string): boolean {
    return rawPath.startsWith('/hls/')
  }

  /** GET `/hls/{device}/{stream}.m3u8` (the live playlist) or `/hls/{device}/{stream}/{seq}.ts` (a segment). */
  serve(method: string, rawPath: string, query: URLSearchParams): HlsAnswer {
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'method not allowed')
    const playlist = PLAYLIST.exec(rawPath)
    const segment = playlist ? null : SEGMENT.exec(rawPath)
    const match = playlist ?? segment
    if (!match) return plain(404, 'not found')
    const deviceId = decodeURIComponent(match[1])
    const signInfo = query.get('signInfo') ?? ''
    const verdict = this.check(deviceId, match[2], signInfo)
    if (verdict === 'forbidden') return plain(403, 'forbidden')
    if (verdict === 'expired') return plain(410, 'stream expired')
    return playlist ? this.playlist(match[2], signInfo, verdict.start) : this.segment(Number(match[3]), verdict.start)
  }

  /** The last complete segment of a session that started at `start` (ms). */
  private liveEdge(start: number): number {
    return Math.floor((this.options.now() - start) / 1000 / SEGMENT_SECONDS) - 1
  }

  private playlist(streamId: string, signInfo: string, start: number): HlsAnswer {
    const last = this.liveEdge(start)
    const first = Math.max(0, last - WINDOW + 1)
    const loopLength = loopSegments().length
    const lines = [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
      `#EXT-X-MEDIA-SEQUENCE:${first}`,
      // Every loop restart is a discontinuity (the timestamps start again); this counts those already gone.
      `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / loopLength)}`,
    ]
    for (let seq = first; seq <= last; seq++) {
      if (seq !== first && seq % loopLength === 0) lines.push('#EXT-X-DISCONTINUITY')
      lines.push(
        `#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`,
        `${streamId}/${seq}.ts?signInfo=${encodeURIComponent(signInfo)}`,
      )
    }
    return {
      status: 200,
      headers: { 'content-type': 'application/vnd.apple.mpegurl', 'cache-control': 'no-cache' },
      body: `${lines.join('\n')}\n`,
    }
  }

  private segment(seq: number, start: number): HlsAnswer {
    const last = this.liveEdge(start)
    if (seq > last || seq < last - SEGMENT_GRACE) return plain(404, 'no such segment')
    const segments = loopSegments()
    return {
      status: 200,
      headers: { 'content-type': 'video/mp2t', 'cache-control': 'private, max-age=60' },
      body: segments[seq % segments.length],
    }
  }

  private check(deviceId: string, streamId: string, signInfo: string): { start: number } | 'forbidden' | 'expired' {
    const [startText, expiresText, sig] = signInfo.split('.')
    const start = Number(startText)
    const expires = Number(expiresText)
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(expires) || !sig) return 'forbidden'
    const expected = Buffer.from(this.mac(deviceId, streamId, start, expires))
    const given = Buffer.from(sig)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forbidden'
    return expires * 1000 < this.options.now() ? 'expired' : { start }
  }

  private mac(deviceId: string, streamId: string, start: number, expires: number): string {
    return createHmac('sha256', this.key).update(`${deviceId}\n${streamId}\n${start}\n${expires}`).digest('base64url')
  }
}
