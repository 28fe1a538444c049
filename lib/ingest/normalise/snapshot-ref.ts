// Turns the many ways a device points at a picture into a SnapshotRef (docs/tuya-devices.md §1.3, §1.5, §2.3):
// a plain URL; `{url}@{key}` (app SDK encrypted image); base64 of `{"bucket","files":[[path,key]]}` (IPC
// movement_detect_pic / doorbell_pic); base64 of a URL (HA reads doorbell_pic so); JSON with url/bucket/path.
import { z } from 'zod'
import type { SnapshotRef } from './normalised'
import { camelizeKeys, isRecord } from './payload-fields'

const URL_PATTERN = /^https?:\/\/\S+$/i
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/

const nonEmpty = z.string().trim().min(1)
const tuyaFileSchema = z.looseObject({
  bucket: nonEmpty.optional(),
  files: z.array(z.tuple([nonEmpty]).rest(z.unknown())).min(1),
})

export function parseSnapshotRef(value: unknown): SnapshotRef | null {
  if (isRecord(value)) return parseSnapshotObject(camelizeKeys(value))
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text === '') return null
  const direct = parseSnapshotText(text)
  if (direct) return direct
  const decoded = decodeBase64Text(text)
  return decoded === null ? null : parseSnapshotText(decoded)
}

function parseSnapshotText(text: string): SnapshotRef | null {
  if (URL_PATTERN.test(text)) return parseUrlWithKey(text)
  if (text.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(text)
      return isRecord(json) ? parseSnapshotObject(camelizeKeys(json)) : null
    } catch {
      return null
    }
  }
  return null
}

/** App SDK alarm pictures come as `"{url}@{key}"` (§1.5 step 5); the key decrypts the image. */
function parseUrlWithKey(text: string): SnapshotRef {
  const at = text.lastIndexOf('@')
  const keyPart = at > 0 ? text.slice(at + 1) : ''
  // An `@` inside the URL's own user-info or path is not a key: keys are short and have no `/`, `?` or `.`.
  if (keyPart !== '' && /^[A-Za-z0-9]{8,64}$/.test(keyPart)) {
    return { type: 'url', url: text.slice(0, at), fileKey: keyPart }
  }
  return { type: 'url', url: text }
}

function parseSnapshotObject(record: Record<string, unknown>): SnapshotRef | null {
  const files = tuyaFileSchema.safeParse(record)
  if (files.success) {
    const [path, key] = files.data.files[0]
    return {
      type: 'tuya_file',
      ...(files.data.bucket ? { bucket: files.data.bucket } : {}),
      path,
      ...(typeof key === 'string' && key !== '' ? { fileKey: key } : {}),
    }
  }
  const fileKey = firstString(record, ['fileKey', 'key'])
  const url = firstString(record, ['url', 'fileUrl', 'imageUrl', 'picUrl'])
  if (url && URL_PATTERN.test(url)) return { type: 'url', url, ...(fileKey ? { fileKey } : {}) }
  const path = firstString(record, ['filePath', 'path'])
  if (path) {
    const bucket = firstString(record, ['bucket'])
    return { type: 'tuya_file', ...(bucket ? { bucket } : {}), path, ...(fileKey ? { fileKey } : {}) }
  }
  return null
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return undefined
}

/** base64 (standard or url-safe) → text; UTF-16LE when the bytes look like it (tuya-local reads alarm_message so). */
function decodeBase64Text(text: string): string | null {
  if (text.length < 8 || !BASE64_PATTERN.test(text)) return null
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (bytes.length === 0) return null
  const zeroBytes = bytes.filter((b) => b === 0).length
  const decoded = zeroBytes * 3 >= bytes.length ? bytes.toString('utf16le') : bytes.toString('utf8')
  const trimmed = decoded.replace(/^\uFEFF/, '').trim()
  return trimmed.includes('\uFFFD') ? null : trimmed
}
