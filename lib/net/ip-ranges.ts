// Address classification for outbound fetches (snapshot SSRF guard) and inbound peers (trusted proxies), on
// node:net BlockList, which also matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 ranges.
import { BlockList, isIP } from 'node:net'

/**
 * Never fetched from unless the operator lists the host explicitly: loopback, "this network", RFC 1918
 * private, CGNAT (RFC 6598), link-local (incl. the cloud metadata address 169.254.169.254), IPv6 ULA and
 * link-local, multicast and reserved space, and the 6to4 / local-use NAT64 prefixes that can embed any IPv4
 * address. Well-known NAT64 (64:ff9b::/96, what DNS64 answers for IPv4-only hosts) is judged by the IPv4
 * address it embeds.
 */
const NON_PUBLIC_SUBNETS: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
]

const nonPublic = new BlockList()
for (const [network, prefix, family] of NON_PUBLIC_SUBNETS) nonPublic.addSubnet(network, prefix, family)
const nat64 = new BlockList()
nat64.addSubnet('64:ff9b::', 96, 'ipv6')

/** The IPv4 address in the last 32 bits of an IPv6 address (`64:ff9b::7f00:1` → `127.0.0.1`). */
function embeddedIpv4(address: string): string {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (dotted) return dotted[1]
  const groups = address.split(':')
  const low = parseInt(groups.at(-1) || '0', 16)
  const high = groups.length > 1 ? parseInt(groups.at(-2) || '0', 16) : 0
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}

/** `[::1]` → `::1`, `fe80::1%eth0` → `fe80::1`; anything else unchanged. */
export function bareAddress(address: string): string {
  return address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
}

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(address)
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null
}

/** True for any address a snapshot fetch must not reach by default (and for anything that is not an IP). */
export function isNonPublicAddress(address: string): boolean {
  const bare = bareAddress(address)
  const family = familyOf(bare)
  if (family === null) return true
  if (family === 'ipv6' && nat64.check(bare, 'ipv6')) return isNonPublicAddress(embeddedIpv4(bare))
  return nonPublic.check(bare, family)
}

/** A set of addresses and CIDR ranges, e.g. TRUSTED_PROXIES. */
export type AddressSet = { has(address: string): boolean }

/** Parses `10.0.0.1, 10.1.0.0/16, ::1`; throws naming the first entry that is neither. */
export function parseAddressSet(entries: readonly string[]): AddressSet {
  const list = new BlockList()
  for (const entry of entries) {
    const [network, prefixText, extra] = entry.split('/')
    const bare = bareAddress(network)
    const family = familyOf(bare)
    const prefix = prefixText === undefined ? undefined : Number(prefixText)
    const maxPrefix = family === 'ipv4' ? 32 : 128
    const badPrefix = prefix !== undefined && (!/^\d+$/.test(prefixText) || prefix > maxPrefix)
    if (!family || extra !== undefined || badPrefix) throw new Error(`"${entry}" is not an address or CIDR range`)
    if (prefix === undefined) list.addAddress(bare, family)
    else list.addSubnet(bare, prefix, family)
  }
  return {
    has(address) {
      const bare = bareAddress(address)
      const family = familyOf(bare)
      return family !== null && list.check(bare, family)
    },
  }
}
