// What one device should hold for one resident, computed from the register alone: nothing when the resident is
// suspended, being erased or erased, or may not open that door; otherwise the person (name and the resident's
// own validity window, which the device enforces) with every face, card and PIN that is inside its own validity
// window now. A credential's window is enforced by pushing and removing it on time: `nextEdge` is the next moment
// a window opens or closes, when the row must be pushed again.
import type { Db, Tx } from '@/lib/db/client'
import { grantedDeviceIds } from '@/lib/sync/enqueue'

/** How a device takes residents (docs/tuya-devices.md §0.1, docs/door-sync.md). */
export type SyncModel = 'access_control' | 'lock' | 'unsupported'

export function syncModelOf(category: string): SyncModel {
  if (category === 'face_terminal' || category === 'door_station') return 'access_control'
  if (category === 'smart_lock') return 'lock'
  return 'unsupported'
}

export type SyncCredential = {
  id: string
  kind: string
  label: string | null
  value: string | null
  secretSealed: string | null
  photoId: string | null
  photoStored: boolean
  validFrom: Date | null
  validUntil: Date | null
  createdAt: Date
  revokedAt: Date | null
}

export type SyncResident = {
  id: string
  name: string
  status: string
  externalId: string
  validFrom: Date | null
  validUntil: Date | null
}

export type DesiredFace = { credentialId: string; faceId: string }
export type DesiredCard = { credentialId: string; cardNo: string }
export type DesiredPin = {
  credentialId: string
  sealed: string
  validFrom: Date | null
  validUntil: Date | null
  createdAt: Date
}

export type Desired = {
  name: string
  /** The resident's window in ms (person begin_time / end_time), null when open-ended. */
  begin: number | null
  end: number | null
  faces: DesiredFace[]
  cards: DesiredCard[]
  pins: DesiredPin[]
  /** Things that cannot reach this device, shown on the row without failing it. */
  notes: string[]
}

/**
 * Notes are stable codes (the console words them in the operator's language, `sync.notes.<code>`): what a device
 * cannot take, which is not a failure.
 */
export const LOCK_FACE_CARD_NOTE = 'lock_face_card'
export const UNSUPPORTED_NOTE = 'unsupported_device'
export const FACE_WITHOUT_PHOTO_NOTE = 'face_without_photo'
export const SYNC_NOTES = [LOCK_FACE_CARD_NOTE, UNSUPPORTED_NOTE, FACE_WITHOUT_PHOTO_NOTE] as const

const ACTIVE_STATUSES = new Set(['active'])

export function inWindow(c: { validFrom: Date | null; validUntil: Date | null }, now: Date): boolean {
  return (!c.validFrom || c.validFrom <= now) && (!c.validUntil || now < c.validUntil)
}

/** The desired state, or null for "nothing of this resident on this device". */
export function computeDesired(input: {
  resident: SyncResident
  credentials: SyncCredential[]
  granted: boolean
  model: SyncModel
  now: Date
}): Desired | null {
  const { resident, credentials, granted, model, now } = input
  if (!granted || !ACTIVE_STATUSES.has(resident.status)) return null
  const live = credentials.filter((c) => !c.revokedAt && inWindow(c, now))
  const desired: Desired = {
    name: resident.name,
    begin: resident.validFrom?.getTime() ?? null,
    end: resident.validUntil?.getTime() ?? null,
    faces: [],
    cards: [],
    pins: [],
    notes: [],
  }
  if (model === 'unsupported') {
    desired.notes.push(UNSUPPORTED_NOTE)
    return desired
  }
  for (const c of live) {
    if (c.kind === 'pin' && c.secretSealed) {
      desired.pins.push({
        credentialId: c.id,
        sealed: c.secretSealed,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        createdAt: c.createdAt,
      })
    } else if (model === 'lock' && (c.kind === 'face' || c.kind === 'card')) {
      if (!desired.notes.includes(LOCK_FACE_CARD_NOTE)) desired.notes.push(LOCK_FACE_CARD_NOTE)
    } else if (c.kind === 'face') {
      if (c.photoStored) desired.faces.push({ credentialId: c.id, faceId: c.value ?? c.id })
      else if (!desired.notes.includes(FACE_WITHOUT_PHOTO_NOTE)) desired.notes.push(FACE_WITHOUT_PHOTO_NOTE)
    } else if (c.kind === 'card' && c.value) {
      desired.cards.push({ credentialId: c.id, cardNo: c.value })
    }
  }
  return desired
}

/** The next moment after `now` at which a credential of this resident enters or leaves its window. */
export function nextWindowEdge(credentials: SyncCredential[], now: Date): Date | null {
  let next: Date | null = null
  for (const c of credentials) {
    if (c.revokedAt) continue
    for (const edge of [c.validFrom, c.validUntil]) {
      if (edge && edge > now && (!next || edge < next)) next = edge
    }
  }
  return next
}

export type SyncDevice = { id: string; tuyaId: string; name: string; category: string; online: boolean }

export type SyncContext = {
  resident: SyncResident
  credentials: SyncCredential[]
  device: SyncDevice
  granted: boolean
}

/** Everything a push of one resident × device needs, read in one go. */
export async function loadSyncContext(db: Db | Tx, residentId: string, deviceId: string): Promise<SyncContext> {
  const [resident, device] = await Promise.all([
    db.resident.findUniqueOrThrow({
      where: { id: residentId },
      select: {
        id: true,
        name: true,
        status: true,
        externalId: true,
        validFrom: true,
        validUntil: true,
        credentials: {
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            kind: true,
            label: true,
            value: true,
            secretSealed: true,
            photoId: true,
            validFrom: true,
            validUntil: true,
            createdAt: true,
            revokedAt: true,
            photo: { select: { state: true } },
          },
        },
      },
    }),
    db.device.findUniqueOrThrow({
      where: { id: deviceId },
      select: { id: true, tuyaId: true, name: true, category: true, online: true },
    }),
  ])
  const granted = (await grantedDeviceIds(db, residentId)).includes(deviceId)
  const { credentials, ...person } = resident
  return {
    resident: person,
    credentials: credentials.map(({ photo, ...c }) => ({ ...c, photoStored: photo?.state === 'stored' })),
    device,
    granted,
  }
}
