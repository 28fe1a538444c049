import { describe, expect, it } from 'vitest'
import { parseAllowedHostEntry } from '@/lib/snapshots/allowed-hosts'
import { createStreamHosts } from '@/lib/streams/stream-hosts'

describe('createStreamHosts', () => {
  const hosts = createStreamHosts([parseAllowedHostEntry('nvr.building.lan:8080')])
  const allowed = (url: string) => hosts.match(new URL(url)) !== undefined

  it("admits Tuya's streaming hosts over HTTPS on 443 and 554 only", () => {
    expect(allowed('https://wework1.wgine.com:554/hls/d/s.m3u8')).toBe(true)
    expect(allowed('https://tx-wework9.tuyacn.com/v1/x.m3u8')).toBe(true)
    expect(allowed('http://wework1.wgine.com:554/hls/d/s.m3u8')).toBe(false)
    expect(allowed('https://wework1.wgine.com:8443/hls/d/s.m3u8')).toBe(false)
  })

  it('refuses look-alikes and bare domains, and admits the listed entries as listed', () => {
    expect(allowed('https://wgine.com.evil.example/x.m3u8')).toBe(false)
    expect(allowed('https://evilwgine.com/x.m3u8')).toBe(false)
    expect(allowed('https://wgine.com/x.m3u8')).toBe(false)
    expect(allowed('http://nvr.building.lan:8080/live.m3u8')).toBe(true)
    expect(allowed('http://nvr.building.lan/live.m3u8')).toBe(false)
  })

  it("does not take Tuya's snapshot buckets for stream hosts", () => {
    expect(allowed('https://ty-us-storage30.s3-us-west-2.amazonaws.com/x.m3u8')).toBe(false)
  })
})
