// Golden vectors from docs/tuya-protocol.md §1.5 and the Node SDK wire capture of §1.6.
import { describe, expect, it } from 'vitest'
import {
  EMPTY_BODY_SHA256,
  buildSignedHeaders,
  buildSignedUrl,
  buildStringToSign,
  contentSha256,
  signLegacy,
  signRequest,
} from '@/lib/tuya/openapi/openapi-sign'

const doc = {
  clientId: '1KAD46OrT9HafiKdsXeg',
  secret: '4OHBOnWOqaEC1mWXOpVL3yV50s0qGSRC',
  t: '1588925778000',
  nonce: '5138cc3a9033d69856923fd07b491173',
  accessToken: '3f4eda2bdec17232f67c0b188af3eec1',
}
const docHeaders = { area_id: '29a33e8796834b1efa6', call_id: '8afdb70ab2ed11eb85290242ac130003' }

describe('contentSha256', () => {
  it('hashes the empty body to the documented constant', () => {
    expect(contentSha256('')).toBe(EMPTY_BODY_SHA256)
    expect(contentSha256(new Uint8Array())).toBe(EMPTY_BODY_SHA256)
  })
  it('hashes "{}" as the Node SDK GET body (§1.3)', () => {
    expect(contentSha256('{}')).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')
  })
})

describe('buildStringToSign — V1/V2 (Tuya worked example)', () => {
  it('V1 token request lays out lines with a trailing \\n after the last header', () => {
    const sts = buildStringToSign({
      method: 'GET',
      body: '',
      signatureHeaders: docHeaders,
      pathWithQuery: '/v1.0/token?grant_type=1',
    })
    expect(sts).toBe(
      'GET\n' +
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n' +
        'area_id:29a33e8796834b1efa6\n' +
        'call_id:8afdb70ab2ed11eb85290242ac130003\n' +
        '\n' +
        '/v1.0/token?grant_type=1',
    )
    const sign = signRequest({ ...doc, accessToken: undefined, stringToSign: sts })
    expect(sign).toBe('9E48A3E93B302EEECC803C7241985D0A34EB944F40FB573C7B5C2A82158AF13E')
  })

  it('V2 business request includes the access token', () => {
    const sts = buildStringToSign({
      method: 'GET',
      body: '',
      signatureHeaders: docHeaders,
      pathWithQuery: '/v2.0/apps/schema/users?page_no=1&page_size=50',
    })
    expect(signRequest({ ...doc, stringToSign: sts })).toBe(
      'AE4481C692AA80B25F3A7E12C3A5FD9BBF6251539DD78E565A1A72A508A88784',
    )
  })

  it('negative checks: dropping the last header newline gives the wrong published values', () => {
    const v1 = buildStringToSign({
      method: 'GET',
      body: '',
      signatureHeaders: docHeaders,
      pathWithQuery: '/v1.0/token?grant_type=1',
    })
    const v2 = buildStringToSign({
      method: 'GET',
      body: '',
      signatureHeaders: docHeaders,
      pathWithQuery: '/v2.0/apps/schema/users?page_no=1&page_size=50',
    })
    const drop = (s: string) => s.replace('\n\n/', '\n/')
    const v1Wrong = signRequest({ ...doc, accessToken: undefined, stringToSign: drop(v1) })
    const v2Wrong = signRequest({ ...doc, stringToSign: drop(v2) })
    expect(v1Wrong).toBe('0BDAB2B79347E4FD29ACF522683154D1ADEF2D1D364FAD5740A649C025DB0370')
    expect(v2Wrong).toBe('4B8387A3DB50A9A6A14F5DC99FF3B758A1AC423E6B0FF64F1ED6C3BB80139FDD')
    expect(v1Wrong).not.toBe(signRequest({ ...doc, accessToken: undefined, stringToSign: v1 }))
  })
})

describe('signLegacy — L1/L2/L3', () => {
  it('L1 token form', () => {
    expect(signLegacy({ clientId: doc.clientId, secret: doc.secret, t: doc.t })).toBe(
      'CEAAFB5CCDC2F723A9FD3E91D3D2238EE0DD9A6D7C3C365DEB50FC2AF277AA83',
    )
  })
  it('L2 business form', () => {
    expect(signLegacy({ clientId: doc.clientId, secret: doc.secret, t: doc.t, accessToken: doc.accessToken })).toBe(
      '36C30E300F226B68ADD014DD1EF56A81EDB7B7A817840485769B9D6C96D0FAA1',
    )
  })
  it('L3 node-connector fixture', () => {
    const sign = signLegacy({
      clientId: 'this-is-mock-accessKey',
      secret: 'this-is-mock-secretKey',
      accessToken: 'c5b8e7f847d1382d242e90a93be291cc',
      t: 1615274964146,
    })
    expect(sign).toBe('625F3177068C99E176760A64D598D0D6066798B19C2C5C374A424D4CE7E277FA')
  })
})

describe('derived vectors V3–V5 (no Signature-Headers)', () => {
  it('V3 POST with a JSON body', () => {
    const body = '{"commands":[{"code":"switch_1","value":true}]}'
    expect(contentSha256(body)).toBe('00c2368c059275b6f529e038fc079d641a933173858053bf72070d768d072f0e')
    const sts = buildStringToSign({ method: 'post', body, pathWithQuery: '/v1.0/iot-03/devices/vdevo123/commands' })
    expect(sts).toBe(
      'POST\n00c2368c059275b6f529e038fc079d641a933173858053bf72070d768d072f0e\n\n/v1.0/iot-03/devices/vdevo123/commands',
    )
    expect(signRequest({ ...doc, stringToSign: sts })).toBe(
      'FF275625933F30DD3668ED460AB4871CC7A7C3021EDB2A29B8541743C74DC2F8',
    )
  })
  it('V4 GET with a sorted query and no nonce', () => {
    // Given out of order and encoded: the signed Url must be sorted and decoded.
    const sts = buildStringToSign({
      method: 'GET',
      body: '',
      pathWithQuery: '/v1.0/iot-03/devices?source_type=tuyaUser&page_size=20&device_ids=vdevo1%2Cvdevo2',
    })
    expect(sts.endsWith('\n\n/v1.0/iot-03/devices?device_ids=vdevo1,vdevo2&page_size=20&source_type=tuyaUser')).toBe(
      true,
    )
    expect(signRequest({ ...doc, nonce: undefined, stringToSign: sts })).toBe(
      '823A0FA85FB630D1DF235D4570E23FA4477A20CFC5B53FDB8ED5C0699095B00C',
    )
  })
  it('V5 refresh-token request in token-API form', () => {
    const sts = buildStringToSign({
      method: 'GET',
      body: '',
      pathWithQuery: '/v1.0/token/7245ecbc34f0fc8344e2495291342145',
    })
    expect(signRequest({ ...doc, accessToken: undefined, stringToSign: sts })).toBe(
      'ED5B80B3E76B13E3AA0D948CE4EC5F83B5C3978ADC46EAB5B668F0D411A4172A',
    )
  })
})

describe('§1.6 wire capture of @tuya/tuya-connector-nodejs', () => {
  const base = { clientId: doc.clientId, secret: doc.secret }
  it('token call: empty body, no access token', () => {
    const headers = buildSignedHeaders({
      ...base,
      method: 'GET',
      pathWithQuery: '/v1.0/token?grant_type=1',
      body: '',
      t: 1795640846058,
    })
    expect(headers.sign).toBe('526E4441772EC21A5B11107E498960D9DF99A32ACA8CA06C3F56E66A350D479E')
    expect(headers.access_token).toBeUndefined()
    expect(headers).toMatchObject({ client_id: doc.clientId, t: '1795640846058', sign_method: 'HMAC-SHA256' })
  })
  it('GET with body "{}" and an encoded space in the query', () => {
    const headers = buildSignedHeaders({
      ...base,
      method: 'GET',
      pathWithQuery: '/v1.0/iot-03/devices?last_row_key=a%20b&page_size=20',
      body: '{}',
      t: 1795640846101,
      accessToken: doc.accessToken,
    })
    expect(headers.sign).toBe('A006B607AF804B30AE4DC6841718AF8EDE1F439F83ABA5323CA66DB4FB1CE32F')
    expect(headers.access_token).toBe(doc.accessToken)
  })
  it('POST commands', () => {
    const headers = buildSignedHeaders({
      ...base,
      method: 'POST',
      pathWithQuery: '/v1.0/iot-03/devices/abc/commands',
      body: '{"commands":[{"code":"switch_1","value":true}]}',
      t: 1795640846105,
      accessToken: doc.accessToken,
    })
    expect(headers.sign).toBe('CD037136CCCDAC7D7D294E745BA09BC08CEF8FB7914710DB67FB7D20677712EE')
  })
})

describe('buildSignedUrl / buildSignedHeaders details', () => {
  it('decodes + as space, keeps empty values, leaves a bare path alone', () => {
    expect(buildSignedUrl('/p?b=x+y&a=')).toBe('/p?a=&b=x y')
    expect(buildSignedUrl('/p')).toBe('/p')
    expect(buildSignedUrl('/p?')).toBe('/p')
  })
  it('emits Signature-Headers and nonce and reproduces V2 through the helper', () => {
    const headers = buildSignedHeaders({
      clientId: doc.clientId,
      secret: doc.secret,
      method: 'GET',
      pathWithQuery: '/v2.0/apps/schema/users?page_no=1&page_size=50',
      body: '',
      t: Number(doc.t),
      nonce: doc.nonce,
      accessToken: doc.accessToken,
      signatureHeaders: docHeaders,
    })
    expect(headers['signature-headers']).toBe('area_id:call_id')
    expect(headers.area_id).toBe(docHeaders.area_id)
    expect(headers.nonce).toBe(doc.nonce)
    expect(headers.sign).toBe('AE4481C692AA80B25F3A7E12C3A5FD9BBF6251539DD78E565A1A72A508A88784')
  })
})
