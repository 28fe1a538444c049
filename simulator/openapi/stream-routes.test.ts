// The live view as the simulator plays Tuya: allocation only through a signed OpenAPI call, for a camera only;
// the URL answers a live playlist whose media sequence advances with the clock and real MPEG-TS segments, and
// is refused once tampered with (403) or expired (410).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { createStreamApi } from '@/lib/tuya/openapi/openapi-streams'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'
import { signedRequest } from '@/simulator/testing/signed-request'

const station = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
let now = Date.UTC(2026, 10, 25, 12, 0, 0)
let sim: RunningSimulator
let streams: ReturnType<typeof createStreamApi>

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: { now: () => now }, streamUrlTtlSeconds: 300 })
  const tuya = createTuyaClient({
    baseUrl: sim.url,
    accessId: sim.accessId,
    accessSecret: sim.accessSecret,
    now: () => now,
    retry: { maxRetries: 0 },
  })
  streams = createStreamApi(tuya.request)
})
afterAll(() => sim.close())

const mediaSequence = (text: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1])

describe('POST /v1.0/devices/{id}/stream/actions/allocate', () => {
  it('is refused without a valid signature', async () => {
    const { body } = await signedRequest({
      baseUrl: sim.url,
      clientId: sim.accessId,
      secret: sim.accessSecret,
      method: 'POST',
      path: TUYA_PATHS.streamAllocate(station.id),
      body: JSON.stringify({ type: 'hls' }),
      accessToken: 'not-a-token',
      t: now,
      sign: 'F'.repeat(64),
    })
    expect(body).toMatchObject({ success: false, code: 1004 })
  })

  it('gives a camera a signed HLS URL whose live playlist advances and whose segments are MPEG-TS', async () => {
    const url = await streams.allocateStream(station.id)
    expect(url).toMatch(new RegExp(`^${sim.url}/hls/${station.id}/[\\w-]+\\.m3u8\\?signInfo=`))

    const first = await fetch(url)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    const playlist = await first.text()
    expect(playlist.startsWith('#EXTM3U\n')).toBe(true)
    // A session of its own: the sequence starts small, with one live window already there.
    expect(mediaSequence(playlist)).toBe(0)
    expect(playlist.match(/#EXTINF/g)).toHaveLength(5)
    expect(playlist).not.toContain('#EXT-X-ENDLIST')
    const segmentUri = playlist.split('\n').find((line) => line !== '' && !line.startsWith('#'))!

    now += 4_000
    const later = await (await fetch(url)).text()
    expect(mediaSequence(later)).toBe(mediaSequence(playlist) + 2)

    const segment = await fetch(new URL(segmentUri, url))
    expect(segment.status).toBe(200)
    expect(segment.headers.get('content-type')).toBe('video/mp2t')
    const bytes = Buffer.from(await segment.arrayBuffer())
    expect(bytes[0]).toBe(0x47) // MPEG-TS sync byte, every 188 bytes
    expect(bytes[188]).toBe(0x47)
  })

  it('answers 403 to a tampered signature and 410 once the URL has expired', async () => {
    const url = new URL(await streams.allocateStream(station.id))
    const [start, expires, sig] = url.searchParams.get('signInfo')!.split('.')
    const tampered = new URL(url)
    tampered.searchParams.set('signInfo', `${start}.${Number(expires) + 3600}.${sig}`)
    expect((await fetch(tampered)).status).toBe(403)
    const unsigned = new URL(url)
    unsigned.search = ''
    expect((await fetch(unsigned)).status).toBe(403)

    now += 301_000
    expect((await fetch(url)).status).toBe(410)
  })

  it('refuses a lock (2009), an unknown device (1106) and another protocol (2003)', async () => {
    await expect(streams.allocateStream(lock.id)).rejects.toMatchObject({ code: 2009 })
    await expect(streams.allocateStream('nosuchdevice000000000')).rejects.toMatchObject({ code: 1106 })
    await expect(streams.allocateStream(station.id, 'rtsp')).rejects.toMatchObject({ code: 2003 })
  })
})
