// Which addresses a snapshot fetch may reach by default, and how TRUSTED_PROXIES entries are read.
import { describe, expect, it } from 'vitest'
import { isNonPublicAddress, parseAddressSet } from '@/lib/net/ip-ranges'

describe('isNonPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['0.0.0.0', '"this network" (reaches the local host)'],
    ['10.1.2.3', 'RFC 1918'],
    ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.254', 'RFC 1918'],
    ['192.168.1.10', 'RFC 1918'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['169.254.169.254', 'link-local cloud metadata'],
    ['fe80::1%eth0', 'IPv6 link-local with zone'],
    ['fd12:3456::1', 'IPv6 ULA'],
    ['fc00::1', 'IPv6 ULA'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['2002:7f00:1::1', '6to4'],
    ['224.0.0.1', 'multicast'],
    ['localhost', 'not an address at all'],
  ])('refuses %s (%s)', (address) => {
    expect(isNonPublicAddress(address)).toBe(true)
  })

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '64:ff9b::808:808'])(
    'allows the public address %s',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false)
    },
  )
})

describe('parseAddressSet', () => {
  it('holds single addresses and CIDR ranges of both families, IPv4-mapped peers included', () => {
    const set = parseAddressSet(['10.0.0.0/8', '192.0.2.7', '::1', 'fd00::/8'])
    expect(set.has('10.200.1.1')).toBe(true)
    expect(set.has('::ffff:10.200.1.1')).toBe(true)
    expect(set.has('192.0.2.7')).toBe(true)
    expect(set.has('192.0.2.8')).toBe(false)
    expect(set.has('::1')).toBe(true)
    expect(set.has('fd00::42')).toBe(true)
    expect(set.has('11.0.0.1')).toBe(false)
    expect(set.has('not-an-address')).toBe(false)
  })

  it.each(['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1', '10.0.0.0/x', ''])('rejects "%s"', (entry) => {
    expect(() => parseAddressSet([entry])).toThrow(/is not an address or CIDR range/)
  })
})
