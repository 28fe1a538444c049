// The idempotency key of an inbound message: the id the message carries (dataId, vendor record/call/alarm id),
// or a hash of its content, so the same message from the webhook, the message service or a redelivery is
// stored once.
import { createHash } from 'node:crypto'
import { exceedsJsonDepth } from './json-depth'

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function contentHashOf(payload: unknown, raw: string): string {
  const basis = payload === undefined || exceedsJsonDepth(payload) ? raw : canonical(payload)
  return `sha256:${createHash('sha256').update(basis).digest('hex')}`
}

export function sourceMessageIdOf(carriedId: string | null, payload: unknown, raw: string): string {
  return carriedId ? carriedId.slice(0, 190) : contentHashOf(payload, raw)
}
