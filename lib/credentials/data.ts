// Credential reads: a resident's active faces, cards and PINs, newest first within each kind.
import type { Db } from '@/lib/db/client'
import { credentialSelect, toCredentialItem, type CredentialViewer } from '@/lib/credentials/credential-item'
import type { CredentialList } from '@/lib/credentials/schema'
import { notFound } from '@/lib/errors'

const KIND_ORDER: Record<string, number> = { face: 0, card: 1, pin: 2 }

export async function listCredentials(db: Db, residentId: string, viewer: CredentialViewer): Promise<CredentialList> {
  const resident = await db.resident.findUnique({
    where: { id: residentId },
    select: { validFrom: true, validUntil: true },
  })
  if (!resident) throw notFound('Resident')
  const rows = await db.credential.findMany({
    where: { residentId, revokedAt: null },
    select: credentialSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
  rows.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9))
  return {
    items: rows.map((row) => toCredentialItem(row, viewer)),
    resident: {
      validFrom: resident.validFrom?.toISOString() ?? null,
      validUntil: resident.validUntil?.toISOString() ?? null,
    },
  }
}
