import { describe, expect, it } from 'vitest'
import { encryptMessageData } from '@/lib/tuya/message-service/message-crypto'
import { decodeConsumerFrame } from '@/lib/tuya/message-service/mq-frames'

const accessKey = 'accessKeyesttesttesttesttesttest'
const ecbData =
  '9Pe6AYEE2fJyCh5gcY/+mCY2yhFsxZ6Pjt+n1WkotuvVHRAKjf+aV+HPMrx55iSk1ot9TiUZkiufxWreZ7VMEJ3uo8iT992qq4w+mnjTfi/Ph9hyB3UJTQOlkdChT93LYnQGgEqWrY77X2vgC6bIKUGgCV2mD0A1a2QwO0gXtPhQabf1RL9SdVUUqqMJKgAEEYdqygcT/V08yNDgSAnIMQ=='
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')

describe('decodeConsumerFrame (docs/tuya-protocol.md §3.4–§3.6)', () => {
  it('decodes the pulsar-ws-node test frame (no properties ⇒ ECB)', () => {
    const envelope = { protocol: 4, pv: '2.0', sign: 'signsignsignsign', t: 1622449865378, data: ecbData }
    const out = decodeConsumerFrame(JSON.stringify({ messageId: 'messageId', payload: b64(envelope) }), accessKey)
    expect(out.kind).toBe('message')
    if (out.kind !== 'message') return
    expect(out.message).toMatchObject({
      messageId: 'messageId',
      properties: {},
      envelope: { protocol: 4, pv: '2.0', t: 1622449865378 },
      payload: { devId: 'devIddevIddevIddevIddevId', status: [{ code: 'code', value: 280 }] },
    })
  })

  it('reads the legacy encryptPayload/encryptType variant and tolerates extra keys', () => {
    const envelope = {
      protocol: 20,
      encryptType: 'aes_gcm',
      encryptPayload: encryptMessageData('{"bizCode":"online"}', accessKey, { mode: 'gcm' }),
      extra: 1,
    }
    const out = decodeConsumerFrame(
      JSON.stringify({ messageId: 'm', payload: b64(envelope), properties: {}, newField: true }),
      accessKey,
    )
    expect(out).toMatchObject({ kind: 'message', message: { payload: { bizCode: 'online' } } })
  })

  it('reports undecodable frames with the messageId when there is one', () => {
    expect(decodeConsumerFrame('nope', accessKey)).toMatchObject({
      kind: 'undecodable',
      frame: { messageId: undefined, reason: 'frame is not JSON' },
    })
    expect(decodeConsumerFrame(JSON.stringify({ messageId: 'a', payload: 'bm90IGpzb24=' }), accessKey)).toMatchObject({
      frame: { messageId: 'a', reason: 'payload is not base64 JSON' },
    })
    expect(
      decodeConsumerFrame(JSON.stringify({ messageId: 'b', payload: b64({ protocol: 4 }) }), accessKey),
    ).toMatchObject({
      frame: { messageId: 'b', reason: 'envelope has no data' },
    })
    expect(
      decodeConsumerFrame(
        JSON.stringify({ messageId: 'c', payload: b64({ protocol: 4, data: ecbData }), properties: { em: 'aes_gcm' } }),
        accessKey,
      ),
    ).toMatchObject({
      frame: { messageId: 'c', properties: { em: 'aes_gcm' } },
    })
  })
})
