// server.ts stamps every request with the client's address in this header (overwriting any client-supplied
// value), so rate limits and the audit trail cannot be fooled by a forged header. The address is the socket's
// peer, unless that peer is one of TRUSTED_PROXIES: then X-Forwarded-For is read from the right, skipping
// trusted hops, and the first address a trusted proxy vouches for is the client (what is further left was
// written by the client itself and proves nothing).
import { bareAddress, type AddressSet } from '@/lib/net/ip-ranges'

export const CLIENT_ADDRESS_HEADER = 'x-console-client-ip'

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined

/** `::ffff:10.0.0.1` → `10.0.0.1`, so one client has one key whichever way the socket reports it. */
function normaliseAddress(address: string): string {
  const bare = bareAddress(address.trim())
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(bare) ? bare.slice(7) : bare
}

export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: AddressSet,
): string {
  let client = peer ? normaliseAddress(peer) : 'unknown'
  if (!trustedProxies.has(client)) return client
  const hops = [forwardedFor ?? []]
    .flat()
    .join(',')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  for (const hop of hops.reverse()) {
    client = normaliseAddress(hop).slice(0, 64)
    if (!trustedProxies.has(client)) return client
  }
  return client
}

export function clientAddressOf(headers: HeaderBag): string | null {
  if (!headers) return null
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER]
  return (Array.isArray(value) ? value[0] : value) ?? null
}

export function userAgentOf(headers: HeaderBag): string | null {
  if (!headers) return null
  const value = headers instanceof Headers ? headers.get('user-agent') : headers['user-agent']
  return (Array.isArray(value) ? value[0] : value) ?? null
}
