import { describe, expect, it } from 'vitest'
import { PlaylistError, rewritePlaylist, type WrapUri } from '@/lib/streams/hls-playlist'

const BASE = 'https://wework1.wgine.com:554/hls/dev/stream.m3u8?signInfo=abc'
const wrap: WrapUri = (url, kind) => (url.includes('evil') ? null : `/p/${kind}/${encodeURIComponent(url)}`)

describe('rewritePlaylist', () => {
  it('resolves every URI against the playlist and wraps it with its kind', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",URI="audio/index.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=300000',
      'low/index.m3u8',
      '#EXT-X-KEY:METHOD=NONE',
      '#EXTINF:2.000,',
      '/hls/dev/1.ts?signInfo=abc',
      '',
    ].join('\r\n')
    const out = rewritePlaylist(text, BASE, wrap).split('\n')
    expect(out[2]).toBe(
      `#EXT-X-MAP:URI="/p/segment/${encodeURIComponent('https://wework1.wgine.com:554/hls/dev/init.mp4')}"`,
    )
    expect(out[3]).toContain(
      `URI="/p/playlist/${encodeURIComponent('https://wework1.wgine.com:554/hls/dev/audio/index.m3u8')}"`,
    )
    expect(out[5]).toBe(`/p/playlist/${encodeURIComponent('https://wework1.wgine.com:554/hls/dev/low/index.m3u8')}`)
    expect(out[8]).toBe(`/p/segment/${encodeURIComponent('https://wework1.wgine.com:554/hls/dev/1.ts?signInfo=abc')}`)
    expect(out.join('\n')).not.toMatch(/^https?:/m)
  })

  it('refuses what is not a playlist, a URI that is refused, and encrypted streams', () => {
    expect(() => rewritePlaylist('<html></html>', BASE, wrap)).toThrow(PlaylistError)
    expect(() => rewritePlaylist('#EXTM3U\n#EXTINF:2,\nhttps://evil.example/1.ts\n', BASE, wrap)).toThrow(/not allowed/)
    expect(() => rewritePlaylist('#EXTM3U\n#EXT-X-MAP:URI="https://evil.example/init.mp4"\n', BASE, wrap)).toThrow(
      PlaylistError,
    )
    expect(() => rewritePlaylist('#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="k"\n#EXTINF:2,\n1.ts\n', BASE, wrap)).toThrow(
      /encrypted/,
    )
  })
})
