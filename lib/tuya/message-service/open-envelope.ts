// The encrypted message-service envelope `{protocol, pv, t, data, sign}` received outside Pulsar (posted to the
// webhook, docs/tuya-protocol.md §4.4): there are no frame properties, so the AES mode is read from the envelope
// itself (`encryptVersion: "v2"` ⇒ GCM, legacy `encryptType`) and the other mode is tried when that fails
// (§3.5–§3.6).
import { decryptMessageData } from '@/lib/tuya/message-service/message-crypto'

export type OpenedEnvelope =
  { kind: 'plain' } | { kind: 'opened'; payload: unknown; payloadRaw: string } | { kind: 'failed'; reason: string }

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** 'plain' when the value is not an encrypted envelope (a decrypted payload, or an envelope with plain data). */
export function openEncryptedEnvelope(value: unknown, accessSecret: string): OpenedEnvelope {
  if (
    !isRecord(value) ||
    !('protocol' in value || 'encryptPayload' in value) ||
    'bizCode' in value ||
    'status' in value
  ) {
    return { kind: 'plain' }
  }
  const ciphertext =
    typeof value.data === 'string'
      ? value.data
      : typeof value.encryptPayload === 'string'
        ? value.encryptPayload
        : undefined
  // `data` may also be the payload's own JSON text (already decrypted): the normaliser reads that form.
  if (ciphertext === undefined || ciphertext.trimStart().startsWith('{')) return { kind: 'plain' }
  const hinted = value.encryptVersion === 'v2' || value.encryptType === 'aes_gcm' ? 'aes_gcm' : 'aes_ecb'
  const modes = hinted === 'aes_gcm' ? ['aes_gcm', 'aes_ecb'] : ['aes_ecb', 'aes_gcm']
  const t = typeof value.t === 'number' ? value.t : undefined
  let lastError = 'not decryptable'
  for (const em of modes) {
    try {
      const payloadRaw = decryptMessageData(ciphertext, accessSecret, { em, t })
      return { kind: 'opened', payload: JSON.parse(payloadRaw) as unknown, payloadRaw }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
  }
  return { kind: 'failed', reason: `encrypted envelope could not be decrypted with the Access Secret (${lastError})` }
}
