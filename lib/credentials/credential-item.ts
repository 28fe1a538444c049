// Credential row → API item, once for reads, writes and their answers. What a viewer sees depends on whether
// they manage credentials: card numbers in full or masked. The PIN column (sealed) is never read into an item.
import type { CredentialItem } from '@/lib/credentials/schema'
import { faceQualitySchema } from '@/lib/credentials/schema'
import { maskCardNumber } from '@/lib/credentials/card-number'

/** The columns an item is built from (never `secretSealed`). */
export const credentialSelect = {
  id: true,
  residentId: true,
  kind: true,
  value: true,
  photoId: true,
  quality: true,
  validFrom: true,
  validUntil: true,
  createdAt: true,
} as const

export type CredentialRow = {
  id: string
  residentId: string
  kind: string
  value: string | null
  photoId: string | null
  quality: string | null
  validFrom: Date | null
  validUntil: Date | null
  createdAt: Date
}

export type CredentialViewer = { revealCards: boolean }

function parseQuality(json: string | null) {
  if (!json) return null
  try {
    const parsed = faceQualitySchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function toCredentialItem(row: CredentialRow, viewer: CredentialViewer): CredentialItem {
  const common = {
    id: row.id,
    residentId: row.residentId,
    createdAt: row.createdAt.toISOString(),
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
  }
  switch (row.kind) {
    case 'face':
      return { ...common, kind: 'face', photoId: row.photoId, quality: parseQuality(row.quality) }
    case 'card': {
      const number = row.value ?? ''
      return viewer.revealCards
        ? { ...common, kind: 'card', cardNo: number, masked: false }
        : { ...common, kind: 'card', cardNo: maskCardNumber(number), masked: true }
    }
    case 'pin':
      return { ...common, kind: 'pin' }
    default:
      throw new Error(`Credential.kind: stored value ${JSON.stringify(row.kind)} is not face, card or pin`)
  }
}
