// Which hosts a live-view URL may be fetched from (docs/live-view.md). Tuya's allocate answer names the media
// host, so the URL is hostile input exactly like a snapshot URL: only Tuya's streaming hosts, the hosts the
// operator listed (SNAPSHOT_ALLOWED_HOSTS) and, in demo mode, the built-in simulator are ever contacted.
import { bareAddress } from '@/lib/net/ip-ranges'
import { createAllowedHosts, type AllowedHostEntry, type AllowedHosts } from '@/lib/snapshots/allowed-hosts'

/**
 * Tuya's streaming hosts, HTTPS only, on 443 or 554: the HLS example in Tuya's "Query live streaming address"
 * and HLS pages is `https://wework1.wgine.com:554/hls/…`, and its RTSP example is on `tx-wework9.tuyacn.com:443`.
 */
export const TUYA_STREAM_HOSTS: readonly { label: string; test: RegExp }[] = [
  { label: '*.wgine.com', test: /^([a-z0-9-]+\.)+wgine\.com$/ },
  { label: '*.tuyacn.com', test: /^([a-z0-9-]+\.)+tuyacn\.com$/ },
  { label: '*.tuyaus.com', test: /^([a-z0-9-]+\.)+tuyaus\.com$/ },
  { label: '*.tuyaeu.com', test: /^([a-z0-9-]+\.)+tuyaeu\.com$/ },
  { label: '*.tuyain.com', test: /^([a-z0-9-]+\.)+tuyain\.com$/ },
]
const TUYA_STREAM_PORTS = new Set([443, 554])

/** Tuya's streaming hosts plus the listed entries (operator and demo simulator, which may be private). */
export function createStreamHosts(listed: readonly AllowedHostEntry[]): AllowedHosts {
  const explicit = createAllowedHosts(listed)
  return {
    match(url) {
      const entry = explicit.match(url)
      // Tuya's own media hosts admitted by createAllowedHosts are snapshot buckets, not streaming hosts.
      if (entry?.explicit) return entry
      const host = bareAddress(url.hostname.toLowerCase())
      const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
      const tuya =
        url.protocol === 'https:' && TUYA_STREAM_PORTS.has(port) && TUYA_STREAM_HOSTS.some((r) => r.test.test(host))
      return tuya ? { explicit: false } : undefined
    },
    describe: () => [
      ...TUYA_STREAM_HOSTS.map((rule) => `https://${rule.label}:443|554`),
      ...listed.map((e) => `${e.host}${e.port ? `:${e.port}` : ''}`),
    ],
  }
}
