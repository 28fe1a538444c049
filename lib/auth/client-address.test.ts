// Who the client is, for the sign-in throttle and the audit trail: the socket's peer, or, behind a proxy listed
// in TRUSTED_PROXIES, the rightmost X-Forwarded-For hop that is not itself a trusted proxy.
import { describe, expect, it } from 'vitest'
import { resolveClientAddress } from '@/lib/auth/client-address'
import { parseAddressSet } from '@/lib/net/ip-ranges'

const none = parseAddressSet([])
const proxies = parseAddressSet(['10.0.0.0/8', '::1'])

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9')
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9')
    expect(resolveClientAddress('10.0.0.5', undefined, none)).toBe('10.0.0.5')
  })

  it('takes the rightmost untrusted hop behind trusted proxies', () => {
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1', proxies)).toBe('198.51.100.1')
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1, 10.0.0.9', proxies)).toBe('198.51.100.1')
    expect(resolveClientAddress('::1', ['198.51.100.1', '10.1.1.1'], proxies)).toBe('198.51.100.1')
  })

  it('cannot be fooled by addresses the client wrote itself (left of the first untrusted hop)', () => {
    // The client sent "X-Forwarded-For: 192.0.2.77" hoping to look like someone else; the proxy appended its peer.
    expect(resolveClientAddress('10.0.0.5', '192.0.2.77, 198.51.100.1', proxies)).toBe('198.51.100.1')
    expect(resolveClientAddress('10.0.0.5', '10.9.9.9, 198.51.100.1', proxies)).toBe('198.51.100.1')
  })

  it('falls back to the leftmost hop when every hop is trusted, and to the peer without a header', () => {
    expect(resolveClientAddress('10.0.0.5', '10.0.0.7, 10.0.0.6', proxies)).toBe('10.0.0.7')
    expect(resolveClientAddress('10.0.0.5', undefined, proxies)).toBe('10.0.0.5')
  })

  it('normalises IPv4-mapped peers and bounds junk hops', () => {
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9')
    expect(resolveClientAddress('::ffff:10.0.0.5', '198.51.100.1', proxies)).toBe('198.51.100.1')
    expect(resolveClientAddress('10.0.0.5', 'x'.repeat(500), proxies)).toHaveLength(64)
    expect(resolveClientAddress(undefined, '198.51.100.1', proxies)).toBe('unknown')
  })
})
