// The live-view proxy treats the stream URL as hostile: it fetches only from allowed stream hosts, only HLS
// media types (and segments only when their bytes are MPEG-TS or MP4), only for the account the token was sealed
// for and until it expires; it rewrites every playlist URI into another sealed token. Against the simulator's
// real live stream, plus small local servers that misbehave on purpose.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { originAsAllowedHost } from '@/lib/snapshots/allowed-hosts'
import { proxyStreamPart, sniffSegmentType, streamPartPath, type StreamProxyConfig } from '@/lib/streams/proxy-stream'
import { createStreamHosts } from '@/lib/streams/stream-hosts'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { createStreamApi } from '@/lib/tuya/openapi/openapi-streams'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const station = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
const SECRET = 'proxy-test-secret-0123456789abcdef'
const GUARD = 'user-guard-1'
let now = Date.now()
let sim: RunningSimulator
let hostile: Server
let hostileUrl: string
let outsider: Server
let outsiderUrl: string
let outsiderHits = 0
let config: StreamProxyConfig

/** Answers /<type>/<body> with that content type and body, to play a misbehaving stream host. */
const HOSTILE_ANSWERS: Record<string, { type: string; body: Buffer | string }> = {
  '/html.m3u8': { type: 'text/html', body: '<html><script>alert(1)</script></html>' },
  '/plain.m3u8': { type: 'text/plain', body: '#EXTM3U\n#EXTINF:2,\nseg.ts\n' },
  '/svg.ts': { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>' },
  '/lying.ts': { type: 'video/mp2t', body: '<html><body>not video</body></html>' },
  '/elsewhere.m3u8': {
    type: 'application/vnd.apple.mpegurl',
    body: '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttps://evil.example.com/seg.ts\n',
  },
  '/encrypted.m3u8': {
    type: 'application/vnd.apple.mpegurl',
    body: '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="key.bin"\n#EXTINF:2,\nseg.ts\n',
  },
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  )
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: { now: () => now }, streamUrlTtlSeconds: 120 })
  hostile = createServer((req, res) => {
    const answer = HOSTILE_ANSWERS[req.url ?? '']
    if (!answer) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': answer.type }).end(answer.body)
  })
  outsider = createServer((_req, res) => {
    outsiderHits++
    res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end('#EXTM3U\n')
  })
  ;[hostileUrl, outsiderUrl] = await Promise.all([listen(hostile), listen(outsider)])
  // The simulator and the hostile server are listed explicitly (as an operator or demo mode would); the
  // outsider is not.
  const allowedHosts = createStreamHosts([originAsAllowedHost(sim.url), originAsAllowedHost(hostileUrl)])
  config = { secret: SECRET, policy: () => ({ allowedHosts, timeoutMs: 5_000 }), now: () => now }
})
afterAll(async () => {
  await sim?.close()
  hostile?.close()
  outsider?.close()
})

const tokenOf = (path: string) => decodeURIComponent(path.replace('/api/streams/', ''))
const playlistToken = (u: string, extra: { uid?: string; exp?: number } = {}) =>
  tokenOf(streamPartPath({ u, k: 'playlist', uid: extra.uid ?? GUARD, exp: extra.exp ?? now + 60_000 }, SECRET))
const segmentToken = (u: string) => tokenOf(streamPartPath({ u, k: 'segment', uid: GUARD, exp: now + 60_000 }, SECRET))

async function refusal(promise: Promise<Response>): Promise<{ status: number; code: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return { status: error.status, code: error.code }
}

async function allocate(): Promise<string> {
  const tuya = createTuyaClient({ baseUrl: sim.url, accessId: sim.accessId, accessSecret: sim.accessSecret })
  return createStreamApi(tuya.request).allocateStream(station.id)
}

describe('the proxied live view', () => {
  it('serves the playlist with every URI rewritten to a sealed token, and segments as MPEG-TS', async () => {
    const answer = await proxyStreamPart(playlistToken(await allocate()), GUARD, config)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    const text = await answer.text()
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:')
    expect(text).not.toContain(sim.url)
    expect(text).not.toContain('signInfo')
    const uris = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))
    expect(uris.length).toBeGreaterThan(0)
    expect(uris.every((uri) => uri.startsWith('/api/streams/v1.'))).toBe(true)

    const segment = await proxyStreamPart(tokenOf(uris[0]), GUARD, config)
    expect(segment.headers.get('content-type')).toBe('video/mp2t')
    const bytes = new Uint8Array(await segment.arrayBuffer())
    expect(bytes.length).toBeGreaterThan(1000)
    expect(bytes[0]).toBe(0x47)
  })

  it('gives a segment the same link in every refresh of the playlist (players compare them)', async () => {
    const token = playlistToken(await allocate())
    const uris = async () =>
      (await (await proxyStreamPart(token, GUARD, config)).text())
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
    const first = await uris()
    now += 2_000
    const second = await uris()
    expect(second.slice(0, -1)).toEqual(first.slice(1))
  })

  it('answers 410 once Tuya has expired the URL, so the browser allocates again', async () => {
    const url = await allocate()
    now += 121_000
    expect(await refusal(proxyStreamPart(playlistToken(url), GUARD, config))).toEqual({
      status: 410,
      code: 'stream_expired',
    })
  })

  it('refuses a host outside the allow-list without contacting it', async () => {
    for (const upstream of [
      `${outsiderUrl}/live.m3u8`,
      'https://evil.example.com/hls/x.m3u8',
      'https://wgine.com.evil.example.com/x.m3u8',
    ]) {
      expect(await refusal(proxyStreamPart(playlistToken(upstream), GUARD, config))).toEqual({
        status: 502,
        code: 'stream_host_refused',
      })
    }
    expect(outsiderHits).toBe(0)
  })

  it('refuses a playlist naming a segment on a host outside the allow-list, and encrypted streams', async () => {
    expect(await refusal(proxyStreamPart(playlistToken(`${hostileUrl}/elsewhere.m3u8`), GUARD, config))).toEqual({
      status: 502,
      code: 'stream_bad_playlist',
    })
    expect(await refusal(proxyStreamPart(playlistToken(`${hostileUrl}/encrypted.m3u8`), GUARD, config))).toEqual({
      status: 502,
      code: 'stream_bad_playlist',
    })
  })

  it('refuses content types that are not HLS, and segment bytes that are not video', async () => {
    for (const path of ['/html.m3u8', '/plain.m3u8']) {
      expect(await refusal(proxyStreamPart(playlistToken(`${hostileUrl}${path}`), GUARD, config))).toEqual({
        status: 502,
        code: 'stream_bad_type',
      })
    }
    for (const path of ['/svg.ts', '/lying.ts']) {
      expect(await refusal(proxyStreamPart(segmentToken(`${hostileUrl}${path}`), GUARD, config))).toEqual({
        status: 502,
        code: 'stream_bad_type',
      })
    }
  })

  it('refuses a token sealed for another account, an expired one and a forged one', async () => {
    const url = `${hostileUrl}/plain.m3u8`
    expect(await refusal(proxyStreamPart(playlistToken(url, { uid: 'someone-else' }), GUARD, config))).toMatchObject({
      status: 403,
    })
    expect(await refusal(proxyStreamPart(playlistToken(url, { exp: now - 1 }), GUARD, config))).toEqual({
      status: 410,
      code: 'stream_expired',
    })
    expect(await refusal(proxyStreamPart('v1.AAAA.BBBB.CCCC', GUARD, config))).toMatchObject({ status: 404 })
    const other = { ...config, secret: 'another-server-secret-0123456789' }
    expect(await refusal(proxyStreamPart(playlistToken(url), GUARD, other))).toMatchObject({ status: 404 })
  })
})

describe('sniffSegmentType', () => {
  it('knows MPEG-TS and ISO-BMFF boxes, and nothing else', () => {
    const ts = new Uint8Array(376)
    ts[0] = 0x47
    ts[188] = 0x47
    expect(sniffSegmentType(ts)).toBe('video/mp2t')
    expect(sniffSegmentType(new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftypiso6')]))).toBe('video/mp4')
    expect(sniffSegmentType(Buffer.from('<html><body>hello</body></html>'))).toBeNull()
    const fakeTs = new Uint8Array(376)
    fakeTs[0] = 0x47
    expect(sniffSegmentType(fakeTs)).toBeNull()
  })
})
