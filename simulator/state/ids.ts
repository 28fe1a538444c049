// Identifier formats the real cloud uses, so clients that pattern-match ids keep working against the simulator.
import { randomBytes, randomUUID } from 'node:crypto'

/** Lower-case hex of `bytes` random bytes. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** 32-hex trace id, as in real error responses (docs/tuya-protocol.md §2.2). */
export function createTid(): string {
  return randomHex(16)
}

/** `dataId` of a status report: 32 upper-case hex in 2025 samples (§3.8). */
export function createDataId(): string {
  return randomHex(16).toUpperCase()
}

/** Short prefixed id for vendor records (recordId, callId, alarmId) and media. */
export function createShortId(prefix: string): string {
  return `${prefix}-${randomUUID().replaceAll('-', '').slice(0, 16)}`
}

/** Numeric-looking serial number returned by access-control writes (`sn`). */
export function createSerialNumber(): string {
  return `${Date.now()}${Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0')}`
}
