import { describe, expect, it } from 'vitest'
import { imagePointer, imagePointerBase64, latestMediaResult } from '../fixtures/reference-payloads'
import { parseSnapshotRef } from './snapshot-ref'

const b64 = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64')

describe('parseSnapshotRef — the ways a device points at a picture (docs/tuya-devices.md §1.3, §1.5, §2.3)', () => {
  const tuyaFile = {
    type: 'tuya_file',
    bucket: 'ty-us-storage30-pic',
    path: '/4a8f...e1/1700000000.jpeg',
    fileKey: 'c3f1a9e2b7d44c10',
  }

  it.each<[string, unknown, unknown]>([
    ['plain URL', 'https://pics.example/a.jpg', { type: 'url', url: 'https://pics.example/a.jpg' }],
    ['base64 of {bucket, files} (IPC 115/154, §1.5)', imagePointerBase64, tuyaFile],
    ['the same pointer as JSON text', JSON.stringify(imagePointer), tuyaFile],
    ['the same pointer already parsed', imagePointer, tuyaFile],
    [
      'base64 of a URL (HA reads doorbell_pic so)',
      b64('https://pics.example/b.jpg'),
      { type: 'url', url: 'https://pics.example/b.jpg' },
    ],
    [
      'UTF-16 base64 of a URL (tuya-local reads alarm_message so)',
      b64('https://pics.example/c.jpg', 'utf16le'),
      { type: 'url', url: 'https://pics.example/c.jpg' },
    ],
    [
      'app SDK "{url}@{key}" (§1.5 step 5)',
      'https://pics.example/d.jpg@0123456789abcdef',
      { type: 'url', url: 'https://pics.example/d.jpg', fileKey: '0123456789abcdef' },
    ],
    [
      'lock latest-media result: file_url + file_key (§2.5)',
      latestMediaResult,
      { type: 'url', url: latestMediaResult.file_url, fileKey: latestMediaResult.file_key },
    ],
    [
      'bucket + file_path without URL',
      { bucket: 'b', file_path: '/p.jpg' },
      { type: 'tuya_file', bucket: 'b', path: '/p.jpg' },
    ],
    ['pointer without key', { bucket: 'b', files: [['/p.jpg']] }, { type: 'tuya_file', bucket: 'b', path: '/p.jpg' }],
  ])('%s', (_name, value, expected) => {
    expect(parseSnapshotRef(value)).toEqual(expected)
  })

  it('an @ inside the URL path is not taken for a key', () => {
    expect(parseSnapshotRef('https://pics.example/u@x/e.jpg')).toEqual({
      type: 'url',
      url: 'https://pics.example/u@x/e.jpg',
    })
  })

  it.each<[string, unknown]>([
    ['empty string', ''],
    ['plain text', 'hello world'],
    ['base64 of plain text', b64('someone at the door')],
    ['a number', 5],
    ['JSON without a picture', '{"a":1}'],
    ['files that is not a list of paths', { bucket: 'b', files: 'x' }],
    ['not a URL scheme', 'ftp://x/y.jpg'],
  ])('%s → null', (_name, value) => {
    expect(parseSnapshotRef(value)).toBeNull()
  })
})
