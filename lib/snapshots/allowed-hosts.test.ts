// Which URLs the snapshot fetcher may contact: Tuya's media hosts over HTTPS, the operator's list, and (demo
// mode) the simulator's exact origin.
import { describe, expect, it } from 'vitest'
import { createAllowedHosts, originAsAllowedHost, parseAllowedHostList } from '@/lib/snapshots/allowed-hosts'

const tuyaOnly = createAllowedHosts([])
const match = (hosts: ReturnType<typeof createAllowedHosts>, url: string) => hosts.match(new URL(url))

describe('Tuya media hosts (always allowed, never as private addresses)', () => {
  it.each([
    'https://images.tuyaus.com/smart/face/1.jpg',
    'https://openapi.tuyaeu.com/x.jpg',
    'https://ty-us-storage30.s3-us-west-2.amazonaws.com/c704/detect/1577703938.jpeg?X-Amz-Signature=1',
    'https://ty-us-storage30-pic.s3.us-west-2.amazonaws.com/a.jpeg',
    'https://ty-eu-storage30-pic.oss-us-west-1.aliyuncs.com/a.jpeg',
    'https://media.tuyacn.com/a.jpeg',
  ])('admits %s', (url) => {
    expect(match(tuyaOnly, url)).toEqual({ explicit: false })
  })

  it.each([
    ['http://images.tuyaus.com/a.jpg', 'plain HTTP'],
    ['https://images.tuyaus.com:8443/a.jpg', 'another port'],
    ['https://tuyaus.com.evil.example/a.jpg', 'a look-alike suffix'],
    ['https://eviltuyaus.com/a.jpg', 'a look-alike name'],
    ['https://attacker.s3.amazonaws.com/a.jpg', 'somebody else’s bucket'],
    ['https://169.254.169.254/latest/meta-data', 'the metadata address'],
    ['https://127.0.0.1/a.jpg', 'loopback'],
    ['file:///etc/passwd', 'another scheme'],
  ])('refuses %s (%s)', (url) => {
    expect(match(tuyaOnly, url)).toBeUndefined()
  })
})

describe('SNAPSHOT_ALLOWED_HOSTS entries', () => {
  const listed = createAllowedHosts(parseAllowedHostList('nvr.building.lan:8080, *.cdn.example.com, [fd00::5]:9000'))

  it('admits exactly the listed host and port (explicit: private addresses allowed)', () => {
    expect(match(listed, 'http://nvr.building.lan:8080/snap.jpg')).toEqual({ explicit: true })
    expect(match(listed, 'https://nvr.building.lan:8080/snap.jpg')).toEqual({ explicit: true })
    expect(match(listed, 'http://nvr.building.lan:8081/snap.jpg')).toBeUndefined()
    expect(match(listed, 'http://nvr.building.lan/snap.jpg')).toBeUndefined()
    expect(match(listed, 'http://[fd00::5]:9000/snap.jpg')).toEqual({ explicit: true })
  })

  it('takes the default port when none is given, and *. for subdomains', () => {
    expect(match(listed, 'https://eu.cdn.example.com/a.jpg')).toEqual({ explicit: true })
    expect(match(listed, 'http://a.b.cdn.example.com/a.jpg')).toEqual({ explicit: true })
    expect(match(listed, 'https://cdn.example.com.evil.test/a.jpg')).toBeUndefined()
    expect(match(listed, 'https://eu.cdn.example.com:8443/a.jpg')).toBeUndefined()
  })

  it.each(['http://x.example', 'host:port', 'a b', 'host:70000', '[::1', '*'])('rejects "%s"', (entry) => {
    expect(() => parseAllowedHostList(entry)).toThrow(/is not host\[:port\]/)
  })

  it('admits the simulator origin in demo mode, and only that port and scheme', () => {
    const demo = createAllowedHosts([originAsAllowedHost('http://127.0.0.1:4100')])
    expect(match(demo, 'http://127.0.0.1:4100/_sim/media/a.jpg')).toEqual({ explicit: true })
    expect(match(demo, 'http://127.0.0.1:6379/')).toBeUndefined()
    expect(match(demo, 'https://127.0.0.1:4100/')).toBeUndefined()
  })
})
