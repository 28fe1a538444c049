// The download itself: the address a name resolves to is checked and then used for the connection (no second
// lookup an attacker's DNS could answer differently), private answers are refused for Tuya's hosts, allowed for
// hosts the operator listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAllowedHosts, parseAllowedHostList } from '@/lib/snapshots/allowed-hosts'
import { fetchSnapshotBytes, type ResolveHost, SnapshotFetchError } from '@/lib/snapshots/fetch-snapshot-bytes'
import { createJpeg, type LocalServer, startLocalServer } from '@/lib/snapshots/fixtures/local-image-server'

let server: LocalServer
let jpeg: Buffer

beforeAll(async () => {
  jpeg = await createJpeg()
  server = await startLocalServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg))
})
afterAll(() => server.close())

/** A resolver that answers from a table and records every question. */
function resolverFrom(table: Record<string, string[]>) {
  const asked: string[] = []
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname)
    return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
  return { asked, resolve }
}

describe('fetchSnapshotBytes', () => {
  it('resolves the name once and connects to exactly that address, sending the name as Host', async () => {
    const { asked, resolve } = resolverFrom({ 'media.building.test': ['127.0.0.1'] })
    const allowedHosts = createAllowedHosts(parseAllowedHostList(`media.building.test:${server.port}`))
    const bytes = await fetchSnapshotBytes(`http://media.building.test:${server.port}/a.jpg`, { allowedHosts, resolve })
    expect(bytes.equals(jpeg)).toBe(true)
    // The system resolver knows no such name: the request can only have gone to the pinned address.
    expect(asked).toEqual(['media.building.test'])
    expect(server.requests.at(-1)).toEqual({ url: '/a.jpg', host: `media.building.test:${server.port}` })
  })

  it.each([
    [['169.254.169.254'], 'the metadata address'],
    [['10.0.0.8'], 'a private address'],
    [['::1'], 'IPv6 loopback'],
    [['8.8.8.8', '127.0.0.1'], 'a mixed answer (rebinding set-up)'],
  ])('refuses a Tuya media host that resolves to %j (%s), for good', async (addresses) => {
    const host = 'ty-us-storage30.s3-us-west-2.amazonaws.com'
    const { asked, resolve } = resolverFrom({ [host]: addresses })
    const requestsBefore = server.requests.length
    const error = await fetchSnapshotBytes(`https://${host}/x.jpeg`, {
      allowedHosts: createAllowedHosts([]),
      resolve,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SnapshotFetchError)
    expect((error as SnapshotFetchError).message).toMatch(/private, loopback or link-local/)
    expect((error as SnapshotFetchError).permanent).toBe(true)
    expect(asked).toEqual([host])
    expect(server.requests.length).toBe(requestsBefore)
  })

  it('refuses literal private addresses, other schemes and things that are not URLs', async () => {
    const policy = { allowedHosts: createAllowedHosts([]) }
    await expect(fetchSnapshotBytes('http://169.254.169.254/latest/meta-data/', policy)).rejects.toThrow(
      /169.254.169.254 is not an allowed snapshot host/,
    )
    await expect(fetchSnapshotBytes('file:///etc/passwd', policy)).rejects.toThrow(/not an allowed snapshot host/)
    await expect(fetchSnapshotBytes('not a url', policy)).rejects.toThrow(/not a URL/)
  })
})
