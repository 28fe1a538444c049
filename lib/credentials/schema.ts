// A resident's faces, cards and PINs as the API shows them, and the bodies that add them. Browser-safe (zod
// only). A PIN is never part of any answer: its item says that one is set and since when. A card number is shown
// in full to those who manage credentials and masked ("•••• 2C01") to everyone else.
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { credentialKindSchema } from '@/lib/domain/enums'
import { FACE_REASON_CODES } from '@/lib/faces/face-rules'
import { isoTimeOrNull, isoTimeSchema } from '@/lib/http/page'

export const faceQualitySchema = z.object({
  width: z.number(),
  height: z.number(),
  brightness: z.number(),
  sharpness: z.number(),
  faceScore: z.number(),
  faceSize: z.number(),
  rollDegrees: z.number(),
  yaw: z.number(),
})

const common = {
  id: z.string(),
  residentId: z.string(),
  createdAt: isoTimeSchema,
  /** The credential's own validity window (null: open). */
  validFrom: isoTimeOrNull,
  validUntil: isoTimeOrNull,
}

export const credentialItemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('face'),
    /** The enrolled photo, served by /api/snapshots/{photoId}. */
    photoId: z.string().nullable(),
    quality: faceQualitySchema.nullable(),
  }),
  z.object({
    ...common,
    kind: z.literal('card'),
    /** The full number, or `•••• 1234` when `masked`. */
    cardNo: z.string(),
    masked: z.boolean(),
  }),
  z.object({ ...common, kind: z.literal('pin') }),
])
export type CredentialItem = z.infer<typeof credentialItemSchema>
export type FaceCredentialItem = Extract<CredentialItem, { kind: 'face' }>
export type CardCredentialItem = Extract<CredentialItem, { kind: 'card' }>

export const credentialListSchema = z.object({
  items: z.array(credentialItemSchema),
  /** The resident's own window, so the console can warn when a credential's reaches outside it. */
  resident: z.object({ validFrom: isoTimeOrNull, validUntil: isoTimeOrNull }),
})
export type CredentialList = z.infer<typeof credentialListSchema>

export const revokedCredentialSchema = z.object({
  id: z.string(),
  kind: credentialKindSchema,
  revokedAt: isoTimeSchema,
})
export type RevokedCredential = z.infer<typeof revokedCredentialSchema>

/** ISO-8601 with an offset or Z; empty or null means "no bound". */
const bound = z
  .union([z.iso.datetime({ offset: true }), z.literal(''), z.null()])
  .optional()
  .transform((value) => (value ? new Date(value) : null))

const validityInput = z.object({ validFrom: bound, validTo: bound })
const checkWindow = (value: { validFrom: Date | null; validTo: Date | null }, ctx: z.RefinementCtx) => {
  if (value.validFrom && value.validTo && value.validFrom >= value.validTo) {
    ctx.addIssue({
      code: 'custom',
      path: ['validTo'],
      message: 'must be after validFrom',
      params: because('validity_order'),
    })
  }
}

/** The validity bounds alone (sent beside a face photo as multipart text fields). */
export const validityInputSchema = validityInput.superRefine(checkWindow)

export const cardInputSchema = validityInput
  .extend({ cardNo: z.string({ error: 'enter the card number' }).max(64) })
  .superRefine(checkWindow)
export type CardInput = z.input<typeof cardInputSchema>

export const pinInputSchema = validityInput
  .extend({ pin: z.string({ error: 'enter the PIN' }).max(32) })
  .superRefine(checkWindow)
export type PinInput = z.input<typeof pinInputSchema>

export const faceReasonSchema = z.object({ code: z.enum(FACE_REASON_CODES), message: z.string() })

/** 422 body of a refused face photo: every reason, in words an admin can act on. */
export const faceRejectionSchema = z.object({
  error: z.object({ code: z.literal('face_rejected'), message: z.string(), reasons: z.array(faceReasonSchema) }),
})
export type FaceRejection = z.infer<typeof faceRejectionSchema>
