// Rewrites an upstream HLS playlist so that every URI in it points back at our proxy (docs/live-view.md). Each
// URI is resolved against the playlist's own URL and handed to `wrap`, which checks the host and seals it; a URI
// that `wrap` refuses fails the whole playlist (a stream half from elsewhere is not a stream we serve). Pure.

/** Why a playlist is not served. */
export class PlaylistError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlaylistError'
  }
}

export type PlaylistUriKind = 'playlist' | 'segment'
/** The proxy URL for an absolute upstream URL, or null when it is not allowed. */
export type WrapUri = (absoluteUrl: string, kind: PlaylistUriKind) => string | null

/** Tags whose URI="…" attribute names another playlist; EXT-X-MAP names an (init) segment. */
const URI_TAGS: Record<string, PlaylistUriKind> = {
  '#EXT-X-MEDIA': 'playlist',
  '#EXT-X-I-FRAME-STREAM-INF': 'playlist',
  '#EXT-X-MAP': 'segment',
}

function resolve(uri: string, base: string): string {
  try {
    return new URL(uri, base).toString()
  } catch {
    throw new PlaylistError(`playlist names a URI that is not one: ${uri.slice(0, 80)}`)
  }
}

function wrapped(uri: string, base: string, kind: PlaylistUriKind, wrap: WrapUri): string {
  const absolute = resolve(uri, base)
  const proxied = wrap(absolute, kind)
  if (proxied === null) throw new PlaylistError(`playlist names a host that is not allowed: ${new URL(absolute).host}`)
  return proxied
}

export function rewritePlaylist(text: string, playlistUrl: string, wrap: WrapUri): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trim() !== '#EXTM3U') throw new PlaylistError('not an HLS playlist (no #EXTM3U)')
  let nextIsVariant = false
  const out = lines.map((raw) => {
    const line = raw.trim()
    if (line === '') return ''
    if (line.startsWith('#')) {
      const tag = line.split(':', 1)[0]
      if (tag === '#EXT-X-KEY' || tag === '#EXT-X-SESSION-KEY') {
        // Encrypted segments would need their key proxied too; Tuya's examples are clear streams.
        if (!/METHOD=NONE(,|$)/.test(line)) throw new PlaylistError('encrypted HLS streams are not supported')
        return line
      }
      if (tag === '#EXT-X-STREAM-INF') nextIsVariant = true
      const kind = URI_TAGS[tag]
      if (!kind) return line
      return line.replace(/URI="([^"]*)"/, (_m, uri: string) => `URI="${wrapped(uri, playlistUrl, kind, wrap)}"`)
    }
    const kind: PlaylistUriKind = nextIsVariant ? 'playlist' : 'segment'
    nextIsVariant = false
    return wrapped(line, playlistUrl, kind, wrap)
  })
  return `${out.join('\n').replace(/\n+$/, '')}\n`
}
