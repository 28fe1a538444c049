// Tuya's failure envelope for the simulator's OpenAPI; messages come from the project's code table (lib/tuya).
import { TUYA_ERROR_CODES } from '@/lib/tuya/errors'

export class SimApiError extends Error {
  constructor(
    readonly code: number,
    msg?: string,
  ) {
    super(msg ?? TUYA_ERROR_CODES[code]?.msg ?? 'system error, please contact the admin')
  }
}

export function successEnvelope(result: unknown, t: number, tid: string) {
  return { result, success: true, t, tid }
}

export function failureEnvelope(code: number, msg: string, t: number, tid: string) {
  return { code, msg, success: false, t, tid }
}
