// Paging, access-control writes and stored images through the typed client, against the fake OpenAPI.
import { afterAll, describe, expect, it } from 'vitest'
import { createAllowedHosts, parseAllowedHostList } from '@/lib/snapshots/allowed-hosts'
import { type LocalServer, startLocalServer } from '@/lib/snapshots/fixtures/local-image-server'
import { encryptStoredImage } from '@/lib/tuya/media/image-crypto'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { parseImageReference } from '@/lib/tuya/media/openapi-media'
import { createFakeOpenApi } from '@/lib/tuya/openapi/openapi-test-server'

const accessId = 'test-access-id-0001'
const accessSecret = '0123456789abcdef0123456789abcdef'

/** `media`: a real local server that the client may download images from (and nothing else besides Tuya's). */
function setup(media?: LocalServer) {
  const fake = createFakeOpenApi({ accessId, secret: accessSecret })
  const client = createTuyaClient({
    baseUrl: 'https://openapi.example.test',
    accessId,
    accessSecret,
    fetch: (url, init) => fake.fetch(url, init),
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    mediaPolicy: { allowedHosts: createAllowedHosts(media ? parseAllowedHostList(media.host) : []) },
  })
  return { fake, client }
}

describe('paging', () => {
  it('follows last_row_key across device pages', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/iot-01/associated-users/devices', (req) => {
      const key = req.query.get('last_row_key')
      if (key === '')
        return { result: { devices: [{ id: 'a' }, { id: 'b' }], last_row_key: 'K1', has_more: true, total: 3 } }
      return { result: { devices: [{ id: 'c' }], last_row_key: 'K2', has_more: false, total: 3 } }
    })
    expect((await client.listDevices({ size: 2 })).map((d) => d.id)).toEqual(['a', 'b', 'c'])
    expect(fake.callsTo('/v1.0/iot-01/associated-users/devices').map((c) => c.query.get('size'))).toEqual(['2', '2'])
  })

  it('iterates lock records page by page within a time range', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/devices/lock1/door-lock/records', (req) => {
      const page = Number(req.query.get('page_no'))
      const records = [{ record_id: page * 10, gmt_create: 1700000000000 + page, dps: [{ unlock_face: 3 }] }]
      return { result: { records, has_more: page < 3, total: 3 } }
    })
    const seen: string[] = []
    for await (const r of client.iterateLockRecords({
      deviceId: 'lock1',
      startTime: 1,
      endTime: 2,
      pageSize: 1,
      codes: ['unlock_face', 'doorbell'],
    })) {
      seen.push(String(r.record_id))
    }
    expect(seen).toEqual(['10', '20', '30'])
    const first = fake.callsTo('/v1.0/devices/lock1/door-lock/records')[0]
    expect(Object.fromEntries(first.query)).toEqual({
      page_no: '1',
      page_size: '1',
      start_time: '1',
      end_time: '2',
      target_standard_dp_codes: 'unlock_face,doorbell',
    })
  })

  it('iterates legacy open logs by total', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/devices/lock1/door-lock/open-logs', (req) => {
      const page = Number(req.query.get('page_no'))
      const logs =
        page <= 2
          ? [
              { status: { code: 'unlock_card', value: '1' }, update_time: page },
              { status: { code: 'unlock_face', value: 3 }, update_time: page },
            ]
          : []
      return { result: { logs: logs.slice(0, page === 2 ? 1 : 2), total: 3 } }
    })
    const logs = []
    for await (const log of client.iterateLockOpenLogs({ deviceId: 'lock1', startTime: 0, endTime: 9, pageSize: 2 }))
      logs.push(log)
    expect(logs).toHaveLength(3)
    expect(fake.callsTo('/v1.0/devices/lock1/door-lock/open-logs')).toHaveLength(2)
  })

  it('iterates access-control logs with has_more and caps page_size at 200', async () => {
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/iot-02/access-control-logs', (req) => ({
      result: {
        list: [{ access_time: Number(req.query.get('page_no')), access_type: 'face' }],
        has_more: req.query.get('page_no') === '1',
      },
    }))
    const logs = []
    for await (const log of client.iterateAccessControlLogs({
      deviceIds: ['ac1'],
      startTime: 0,
      endTime: 9,
      pageSize: 500,
    }))
      logs.push(log)
    expect(logs.map((l) => l.access_time)).toEqual([1, 2])
    expect(fake.calls.at(-1)?.query.get('page_size')).toBe('200')
  })
})

describe('access-control persons', () => {
  it('adds a person and a face and returns the sn', async () => {
    const { fake, client } = setup()
    fake.on('POST', '/v1.0/access-control/ac1/persons/p1', () => ({ result: { sn: 'SN1' } }))
    fake.on('POST', '/v1.0/access-control/ac1/persons/p1/faces/f1', () => ({ result: { sn: 77 } }))
    fake.on('DELETE', '/v1.0/access-control/ac1/persons/p1/card/0012345', () => ({ result: { sn: 'SN3' } }))
    expect(await client.addPerson('ac1', 'p1', { name: 'Alice', begin_time: 1, end_time: 2 })).toEqual({ sn: 'SN1' })
    expect(await client.addFace('ac1', 'p1', 'f1', 'https://img.example/alice.jpg')).toEqual({ sn: '77' })
    expect(await client.deleteCard('ac1', 'p1', '0012345')).toEqual({ sn: 'SN3' })
    expect(JSON.parse(fake.callsTo('/v1.0/access-control/ac1/persons/p1/faces/f1')[0].body)).toEqual({
      url: 'https://img.example/alice.jpg',
    })
  })
})

describe('stored images (docs/tuya-devices.md §1.5)', () => {
  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from('fake jpeg body '.repeat(20)),
    Buffer.from([0xff, 0xd9]),
  ])
  const key = 'c3f1a9e2b7d44c10'
  const dpValue = Buffer.from(
    JSON.stringify({ bucket: 'ty-us-storage30-pic', files: [['/4a8f/1700000000.jpeg', key]] }),
  ).toString('base64')
  const servers: LocalServer[] = []
  const mediaServer = async (body: Buffer, contentType = 'application/octet-stream') => {
    const server = await startLocalServer((_req, res) => res.writeHead(200, { 'content-type': contentType }).end(body))
    servers.push(server)
    return server
  }
  afterAll(() => Promise.all(servers.map((s) => s.close())))

  it('parses the DP reference, signs it via movement-configs, downloads and decrypts', async () => {
    const media = await mediaServer(encryptStoredImage(jpeg, key))
    const { fake, client } = setup(media)
    fake.on('GET', '/v1.0/devices/cam1/movement-configs', (req) => ({
      result: `${media.origin}/${req.query.get('bucket')}${req.query.get('file_path')}?sig=1`,
    }))
    const [ref] = parseImageReference(dpValue)
    expect(ref).toEqual({ bucket: 'ty-us-storage30-pic', filePath: '/4a8f/1700000000.jpeg', key })
    const image = await client.resolveStoredImage('cam1', ref)
    expect(image.wasEncrypted).toBe(true)
    expect(image.contentType).toBe('image/jpeg')
    expect(image.bytes.equals(jpeg)).toBe(true)
    expect(image.signedUrl).toBe(`${media.origin}/ty-us-storage30-pic/4a8f/1700000000.jpeg?sig=1`)
  })

  it('passes an unencrypted image through untouched, typed by its bytes rather than the remote header', async () => {
    const media = await mediaServer(jpeg, 'text/html')
    const { client } = setup(media)
    const image = await client.fetchStoredImage({ url: `${media.origin}/x.jpg`, key })
    expect(image).toMatchObject({ wasEncrypted: false, contentType: 'image/jpeg' })
    expect(image.bytes.equals(jpeg)).toBe(true)
  })

  it('refuses a signed URL on a host that is not a media host, without connecting to it', async () => {
    const internal = await mediaServer(jpeg, 'image/jpeg')
    const { fake, client } = setup()
    fake.on('GET', '/v1.0/devices/cam1/movement-configs', () => ({ result: `${internal.origin}/latest.jpeg` }))
    await expect(client.resolveStoredImage('cam1', parseImageReference(dpValue)[0])).rejects.toThrow(
      /not an allowed snapshot host/,
    )
    expect(internal.requests).toHaveLength(0)
  })
})
