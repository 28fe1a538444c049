// Sync queue reads: where each device stands with one resident, and the face photos Tuya downloads.
import type { Db, Tx } from '@/lib/db/client'
import { SYNC_STATES, storedValue } from '@/lib/domain/enums'
import { notFound } from '@/lib/errors'
import { sniffImageType } from '@/lib/snapshots/sniff-image'
import { parseApplied } from '@/lib/sync/applied-state'
import type { ResidentSync, SyncItem } from '@/lib/sync/schema'

export const syncInclude = { device: { select: { name: true } } } as const

type SyncRow = {
  id: string
  applied: string | null
  residentId: string
  deviceId: string
  state: string
  errorCode: string | null
  errorMessage: string | null
  attempts: number
  nextAttemptAt: Date | null
  updatedAt: Date
  device: { name: string }
}

export function toSyncItem(row: SyncRow): SyncItem {
  return {
    id: row.id,
    residentId: row.residentId,
    deviceId: row.deviceId,
    deviceName: row.device.name,
    state: storedValue(SYNC_STATES, row.state, 'DeviceSync.state'),
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
    attempts: row.attempts,
    notes: parseApplied(row.applied).notes,
    nextAttemptAt: row.state === 'synced' ? null : (row.nextAttemptAt?.toISOString() ?? null),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function residentSync(db: Db | Tx, residentId: string): Promise<ResidentSync> {
  const resident = await db.resident.findUnique({ where: { id: residentId }, select: { id: true } })
  if (!resident) throw notFound(`resident ${residentId}`)
  const rows = await db.deviceSync.findMany({
    where: { residentId },
    include: syncInclude,
    orderBy: [{ device: { name: 'asc' } }, { deviceId: 'asc' }],
  })
  return { items: rows.map(toSyncItem) }
}

/**
 * The enrolled photo of an active face credential of an active resident (never of a revoked face, nor of a
 * suspended or erased resident), for Tuya to download. Served only as the image type its bytes are.
 */
export async function readFaceImage(db: Db, credentialId: string) {
  const credential = await db.credential.findUnique({
    where: { id: credentialId },
    select: {
      kind: true,
      revokedAt: true,
      resident: { select: { status: true } },
      photo: { select: { state: true, data: true } },
    },
  })
  const bytes = credential?.photo?.state === 'stored' ? credential.photo.data : null
  const contentType = bytes ? sniffImageType(bytes) : undefined
  const usable = credential?.kind === 'face' && !credential.revokedAt && credential.resident.status === 'active'
  if (!usable || !bytes || !contentType) throw notFound('Face image')
  return { bytes, contentType }
}
