export const METHOD_LABELS: Record<string, string> = {
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

export const methodLabel = (method: string) => METHOD_LABELS[method] ?? method
