import type { AccessMethod, AccessResult } from '@/lib/domain/enums'

export const METHOD_LABELS: Record<AccessMethod, string> = {
  face: 'Face',
  card: 'Card',
  password: 'PIN',
  qr_code: 'QR code',
  fingerprint: 'Fingerprint',
  remote: 'Remote',
  temporary: 'Temporary code',
  key: 'Key',
  other: 'Other',
}

export const RESULT_LABELS: Record<AccessResult, string> = { granted: 'Entered', denied: 'Refused' }

export const methodLabel = (method: string) => (isAccessMethod(method) ? METHOD_LABELS[method] : method)

export const isAccessMethod = (value: string): value is AccessMethod => Object.hasOwn(METHOD_LABELS, value)
export const isAccessResult = (value: string): value is AccessResult => Object.hasOwn(RESULT_LABELS, value)
