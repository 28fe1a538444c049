import { describe, expect, it } from 'vitest'
import { TUYA_DATA_CENTRES, deriveMqWsUrl, findDataCentre } from '@/lib/tuya/data-centres'

describe('data centres (docs/tuya-protocol.md §2.5)', () => {
  it('maps every OpenAPI host to its MQ WebSocket URL, Azure hosts to their region', () => {
    expect(deriveMqWsUrl('https://openapi.tuyaeu.com')).toBe('wss://mqe.tuyaeu.com:8285/')
    expect(deriveMqWsUrl('https://openapi-weaz.tuyaeu.com/')).toBe('wss://mqe.tuyaeu.com:8285/')
    expect(deriveMqWsUrl('https://openapi-ueaz.tuyaus.com')).toBe('wss://mqe.tuyaus.com:8285/')
    expect(deriveMqWsUrl('https://openapi.tuyacn.com')).toBe('wss://mqe.tuyacn.com:8285/')
    expect(deriveMqWsUrl('https://openapi-sg.iotbing.com')).toBe('wss://mqe-sg.iotbing.com:8285/')
    for (const dc of Object.values(TUYA_DATA_CENTRES)) expect(deriveMqWsUrl(dc.openApiUrl)).toBe(dc.mqWsUrl)
  })
  it('follows the openapi.<domain> pattern for unlisted hosts and gives up on others', () => {
    expect(deriveMqWsUrl('https://openapi.tuyafoo.com')).toBe('wss://mqe.tuyafoo.com:8285/')
    expect(deriveMqWsUrl('http://127.0.0.1:4010')).toBeUndefined()
    expect(findDataCentre('https://openapi.tuyain.com')?.id).toBe('in')
  })
})
