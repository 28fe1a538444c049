// The pinned GET every device-supplied URL goes through: the refusal it reports names the hop and whether a redirect
// led there, so snapshots and live views can each say it in their own words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PinnedGetError, pinnedGet, type ResolveHost } from '@/lib/net/pinned-get'
import { createAllowedHosts, parseAllowedHostList } from '@/lib/snapshots/allowed-hosts'
import { type LocalServer, startLocalServer } from '@/lib/snapshots/fixtures/local-image-server'

let server: LocalServer

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const hops = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hops') ?? 0)
    if (req.url?.startsWith('/to-metadata')) return res.writeHead(302, { location: 'http://169.254.169.254/' }).end()
    if (req.url?.startsWith('/to-elsewhere')) return res.writeHead(307, { location: 'http://evil.test/x' }).end()
    if (hops > 0) return res.writeHead(302, { location: `/loop?hops=${hops - 1}` }).end()
    res.writeHead(404).end()
  })
})
afterAll(() => server.close())

const resolve: ResolveHost = async (hostname) =>
  hostname === 'media.building.test' ? [{ address: '127.0.0.1', family: 4 }] : []

/** A GET of `url` allowing only `allowed` (host:port list). */
function getFrom(url: string, allowed: string, maxRedirects = 3) {
  return pinnedGet(new URL(url), {
    allowedHosts: createAllowedHosts(parseAllowedHostList(allowed)),
    maxRedirects,
    signal: new AbortController().signal,
    headers: {},
    resolve,
  })
}

const get = (path: string, maxRedirects = 3) =>
  getFrom(`http://media.building.test:${server.port}${path}`, `media.building.test:${server.port}`, maxRedirects)

async function refusal(promise: Promise<unknown>): Promise<PinnedGetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PinnedGetError)
  return error as PinnedGetError
}

describe('pinnedGet', () => {
  it('hands back the first answer that is not a redirect, whatever its status, with the URL that gave it', async () => {
    const { response, url } = await get('/loop?hops=2')
    response.destroy()
    expect(response.statusCode).toBe(404)
    expect(url.pathname + url.search).toBe('/loop?hops=0')
  })

  it('refuses a host that is not allowed, at the first hop or behind a redirect', async () => {
    const blocked = await refusal(getFrom('http://evil.test/x', ''))
    expect(blocked).toMatchObject({ reason: 'host_refused', host: 'evil.test', redirected: false })
    expect(await refusal(get('/to-elsewhere'))).toMatchObject({
      reason: 'host_refused',
      host: 'evil.test',
      redirected: true,
    })
  })

  it('never follows a redirect to the cloud metadata address', async () => {
    expect(await refusal(get('/to-metadata'))).toMatchObject({ reason: 'host_refused', redirected: true })
  })

  it('stops after maxRedirects', async () => {
    expect(await refusal(get('/loop?hops=5', 2))).toMatchObject({ reason: 'too_many_redirects' })
  })

  it('reports a name that does not resolve', async () => {
    const error = await refusal(getFrom(`http://nowhere.test:${server.port}/`, `nowhere.test:${server.port}`, 0))
    expect(error).toMatchObject({ reason: 'unresolvable', host: `nowhere.test:${server.port}` })
  })
})
