// Which hosts a snapshot may be downloaded from (docs/snapshot-fetching.md). A device message or a signed
// webhook names the URL, so the URL is hostile input: only Tuya's media hosts, the operator's
// SNAPSHOT_ALLOWED_HOSTS and, in demo mode, the built-in simulator are ever contacted.
import { isIP } from 'node:net'
import { bareAddress } from '@/lib/net/ip-ranges'

export type AllowedHostEntry = {
  /** Lower-case host name or IP address; `*.example.com` also matches every subdomain. */
  host: string
  /** Undefined: the scheme's default port (80 / 443). */
  port?: number
  schemes: readonly ('http:' | 'https:')[]
  /**
   * Listed by the operator (or the built-in simulator): may resolve to a private or loopback address, e.g. a
   * media store on the building's LAN. Tuya's hosts are not: on the public internet only.
   */
  explicit: boolean
}

/**
 * Tuya's media hosts, HTTPS only. The data-centre domains are Tuya's own (OpenAPI, message service, app images;
 * docs/tuya-protocol.md §2.5 "Data centres"). Signed capture URLs point at Tuya's storage buckets (named like
 * `ty-us-storage30-pic`, docs/tuya-devices.md §1.5 "Snapshot and image references"), seen on AWS S3
 * (`ty-us-storage30.s3-us-west-2.amazonaws.com`) and Alibaba Cloud OSS (`ty-eu-storage30-pic.oss-us-west-1.
 * aliyuncs.com`) in public issue threads of Tuya integrations. Anything else: SNAPSHOT_ALLOWED_HOSTS.
 */
export const TUYA_MEDIA_HOSTS: readonly { label: string; test: RegExp }[] = [
  { label: '*.tuyacn.com', test: /^([a-z0-9-]+\.)+tuyacn\.com$/ },
  { label: '*.tuyaus.com', test: /^([a-z0-9-]+\.)+tuyaus\.com$/ },
  { label: '*.tuyaeu.com', test: /^([a-z0-9-]+\.)+tuyaeu\.com$/ },
  { label: '*.tuyain.com', test: /^([a-z0-9-]+\.)+tuyain\.com$/ },
  { label: '*.iotbing.com', test: /^([a-z0-9-]+\.)+iotbing\.com$/ },
  { label: 'ty-*.s3*.amazonaws.com', test: /^ty-[a-z0-9-]+\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/ },
  { label: 'ty-*.oss-*.aliyuncs.com', test: /^ty-[a-z0-9-]+\.oss-[a-z0-9-]+\.aliyuncs\.com$/ },
]

const HOST_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/

/** One `host[:port]` entry (`[v6]:port` for IPv6); throws naming the entry when it is neither. */
export function parseAllowedHostEntry(text: string): AllowedHostEntry {
  const entry = text.trim().toLowerCase()
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(entry)
  const port = match?.[2] === undefined ? undefined : Number(match[2])
  const host = match ? bareAddress(match[1]) : ''
  const valid =
    match && (isIP(host) !== 0 || HOST_NAME.test(host)) && (port === undefined || (port > 0 && port < 65536))
  if (!valid) throw new Error(`"${text.trim()}" is not host[:port]`)
  return { host, port, schemes: ['http:', 'https:'], explicit: true }
}

/** SNAPSHOT_ALLOWED_HOSTS: comma-separated `host[:port]`. */
export function parseAllowedHostList(text: string): AllowedHostEntry[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(parseAllowedHostEntry)
}

/** The built-in simulator (demo mode): its exact origin, loopback included. */
export function originAsAllowedHost(origin: string): AllowedHostEntry {
  const url = new URL(origin)
  const scheme = url.protocol === 'https:' ? 'https:' : 'http:'
  return { host: bareAddress(url.hostname), port: Number(url.port) || undefined, schemes: [scheme], explicit: true }
}

export type AllowedHostMatch = { explicit: boolean }
export type AllowedHosts = {
  /** The rule that admits this URL (scheme, host and port), or undefined. */
  match(url: URL): AllowedHostMatch | undefined
  /** For messages and docs. */
  describe(): string[]
}

const defaultPort = (scheme: string) => (scheme === 'https:' ? 443 : 80)

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern
}

/** Tuya's media hosts plus the listed entries. */
export function createAllowedHosts(listed: readonly AllowedHostEntry[]): AllowedHosts {
  return {
    match(url) {
      const host = bareAddress(url.hostname.toLowerCase())
      const port = Number(url.port) || defaultPort(url.protocol)
      for (const entry of listed) {
        const scheme = entry.schemes.find((s) => s === url.protocol)
        if (scheme && hostMatches(entry.host, host) && port === (entry.port ?? defaultPort(scheme))) {
          return { explicit: entry.explicit }
        }
      }
      const tuya = url.protocol === 'https:' && port === 443 && TUYA_MEDIA_HOSTS.some((rule) => rule.test.test(host))
      return tuya ? { explicit: false } : undefined
    },
    describe: () => [
      ...TUYA_MEDIA_HOSTS.map((rule) => `https://${rule.label}`),
      ...listed.map((e) => `${e.host}${e.port ? `:${e.port}` : ''}`),
    ],
  }
}
