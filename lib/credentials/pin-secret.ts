// How a PIN is kept: sealed (AES-256-GCM, lib/auth/seal.ts) because devices need the plain PIN pushed to them,
// and as a keyed digest in `uniqueKey` so two residents cannot hold the same PIN while neither the database nor
// its backups reveal it. The digest key is derived from the server secret (HKDF) and used for nothing else; a
// plain hash would let anyone with the table try all 111 million 6–8 digit PINs offline in seconds.
import { createHmac, hkdfSync } from 'node:crypto'
import { sealSecret } from '@/lib/auth/seal'

function digestKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'tuya-building-console', 'pin-digest:v1', 32))
}

export function pinUniqueKey(pin: string, serverSecret: string): string {
  return `pin:${createHmac('sha256', digestKey(serverSecret)).update(pin, 'utf8').digest('base64url')}`
}

export function sealPin(pin: string, serverSecret: string): string {
  return sealSecret(pin, serverSecret)
}
