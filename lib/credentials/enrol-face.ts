// Enrolling a face from an uploaded photo. The server's gate (lib/faces/face-gate.ts) decides, whatever the
// browser checked; a refused photo is answered 422 with every reason and nothing is stored. An accepted one is
// re-encoded and kept as the enrolled photo (a Snapshot with source `enrolment`), and the face credential gets a
// new Tuya face id, its validity window and the quality measurements, in one runChange with the doors' sync work.
import { randomBytes } from 'node:crypto'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { recordCredentialChange, residentForNewCredential } from '@/lib/credentials/credential-change'
import { credentialSelect, toCredentialItem } from '@/lib/credentials/credential-item'
import { validityInputSchema, type CredentialItem } from '@/lib/credentials/schema'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { AppError, conflict, notFound } from '@/lib/errors'
import type { FaceDetector } from '@/lib/faces/face-detector'
import { checkFacePhoto } from '@/lib/faces/face-gate'
import { toEnrolmentPhoto } from '@/lib/faces/face-photo'
import type { FaceReason } from '@/lib/faces/face-rules'

export const MAX_ACTIVE_FACES = 3
export const ENROLMENT_SOURCE = 'enrolment'

export class FaceRejectedError extends AppError {
  constructor(readonly reasons: FaceReason[]) {
    super('face_rejected', `The photo cannot be enrolled: ${reasons.map((r) => r.message).join(' ')}`, 422)
  }
}

/** A face id for the devices, unique among all the console has issued. */
export const newFaceId = () => `face-${randomBytes(8).toString('hex')}`

export async function enrolFace(
  db: Db,
  actor: Actor,
  residentId: string,
  photo: Uint8Array,
  validity: { validFrom?: string | null; validTo?: string | null },
  context: AuditContext,
  detector: FaceDetector,
): Promise<CredentialItem> {
  const window = validityInputSchema.parse(validity)
  const resident = await db.resident.findUnique({ where: { id: residentId }, select: { id: true } })
  if (!resident) throw notFound('Resident')
  const { check, stored } = await detector.admit(async () => {
    const check = await checkFacePhoto(photo, detector)
    return { check, stored: check.accepted ? await toEnrolmentPhoto(photo) : null }
  })
  if (!check.accepted || !stored) throw new FaceRejectedError(check.accepted ? [] : check.reasons)
  return runChange(db, async (scope) => {
    const { tx } = scope
    await residentForNewCredential(tx, residentId)
    const active = await tx.credential.count({ where: { residentId, kind: 'face', revokedAt: null } })
    if (active >= MAX_ACTIVE_FACES) {
      throw conflict(
        `A resident has at most ${MAX_ACTIVE_FACES} enrolled faces: remove one first`,
        'too_many_faces',
        MAX_ACTIVE_FACES,
      )
    }
    const now = new Date()
    const snapshot = await tx.snapshot.create({
      data: {
        source: ENROLMENT_SOURCE,
        state: 'stored',
        contentType: stored.contentType,
        data: new Uint8Array(stored.data),
        thumbnail: new Uint8Array(stored.thumbnail),
        size: stored.data.length,
        storedAt: now,
      },
      select: { id: true },
    })
    const row = await tx.credential.create({
      data: {
        residentId,
        kind: 'face',
        value: newFaceId(),
        photoId: snapshot.id,
        quality: JSON.stringify(check.quality),
        validFrom: window.validFrom,
        validUntil: window.validTo,
      },
      select: credentialSelect,
    })
    await recordCredentialChange(scope, residentId, {
      actor,
      context,
      action: 'credential.face_enrolled',
      credentialId: row.id,
      details: { quality: check.quality, validFrom: window.validFrom, validUntil: window.validTo },
    })
    return toCredentialItem(row, { revealCards: true })
  })
}
