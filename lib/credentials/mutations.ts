// Adding cards and PINs, and revoking any credential. Each is one runChange: the credential row, the doors'
// sync work, the audit row and the broadcast commit together. A card or PIN held by another resident is refused
// without saying whose; the unique key catches two admins racing for the same one.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { CARD_NUMBER_RULES, cardUniqueKey, normaliseCardNumber } from '@/lib/credentials/card-number'
import { recordCredentialChange, residentForNewCredential } from '@/lib/credentials/credential-change'
import { credentialSelect, toCredentialItem } from '@/lib/credentials/credential-item'
import { pinPolicyRefusals, pinRefusalFields } from '@/lib/credentials/pin-policy'
import { pinUniqueKey, sealPin } from '@/lib/credentials/pin-secret'
import { cardInputSchema, pinInputSchema, type CredentialItem, type RevokedCredential } from '@/lib/credentials/schema'
import type { Db } from '@/lib/db/client'
import { isUniqueViolation } from '@/lib/db/errors'
import type { CredentialKind } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'
import { AppError, conflict, invalidField, notFound } from '@/lib/errors'

export const MAX_ACTIVE_CARDS = 5

const cardInUse = () => new AppError('card_in_use', 'This card is already enrolled; use another card', 409)
const pinInUse = () =>
  new AppError('pin_in_use', 'This PIN cannot be used; choose another (it is not shown who holds it)', 409)

/** A unique-key race lost inside the transaction is the same refusal as the check before it. */
async function refusingDuplicates<T>(write: () => Promise<T>, refusal: () => AppError): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal()
    throw error
  }
}

export async function addCard(
  db: Db,
  actor: Actor,
  residentId: string,
  input: unknown,
  context: AuditContext,
): Promise<CredentialItem> {
  const body = cardInputSchema.parse(input ?? {})
  const card = normaliseCardNumber(body.cardNo)
  if (!card.ok) {
    const { minLength: min, maxLength: max } = CARD_NUMBER_RULES
    throw invalidField(card.message, { path: 'cardNo', reason: card.reason, min, max })
  }
  const uniqueKey = cardUniqueKey(card.value)
  return refusingDuplicates(
    () =>
      runChange(db, async (scope) => {
        const { tx } = scope
        await residentForNewCredential(tx, residentId)
        const holder = await tx.credential.findUnique({ where: { uniqueKey }, select: { residentId: true } })
        if (holder?.residentId === residentId) {
          throw new AppError('card_in_use', 'This resident already holds this card', 409)
        }
        if (holder) throw cardInUse()
        const active = await tx.credential.count({ where: { residentId, kind: 'card', revokedAt: null } })
        if (active >= MAX_ACTIVE_CARDS) {
          throw conflict(
            `A resident holds at most ${MAX_ACTIVE_CARDS} cards: remove one first`,
            'too_many_cards',
            MAX_ACTIVE_CARDS,
          )
        }
        const row = await tx.credential.create({
          data: {
            residentId,
            kind: 'card',
            value: card.value,
            uniqueKey,
            validFrom: body.validFrom,
            validUntil: body.validTo,
          },
          select: credentialSelect,
        })
        await recordCredentialChange(scope, residentId, {
          actor,
          context,
          action: 'credential.card_added',
          credentialId: row.id,
          details: { cardEnding: card.value.slice(-4), validFrom: body.validFrom, validUntil: body.validTo },
        })
        return toCredentialItem(row, { revealCards: true })
      }),
    cardInUse,
  )
}

export async function addPin(
  db: Db,
  actor: Actor,
  residentId: string,
  input: unknown,
  context: AuditContext,
  serverSecret: string,
): Promise<CredentialItem> {
  const body = pinInputSchema.parse(input ?? {})
  const pin = body.pin.trim()
  return refusingDuplicates(
    () =>
      runChange(db, async (scope) => {
        const { tx } = scope
        const resident = await residentForNewCredential(tx, residentId)
        const problems = pinPolicyRefusals(pin, { phone: resident.phone, unitLabel: resident.unit?.label })
        if (problems.length > 0) {
          const message = problems.map((p) => p.message).join('; ')
          throw new AppError('weak_pin', message, 400, { fields: pinRefusalFields(problems) })
        }
        const active = await tx.credential.count({ where: { residentId, kind: 'pin', revokedAt: null } })
        if (active > 0)
          throw conflict('This resident already has a PIN: remove it before setting a new one', 'pin_exists')
        const uniqueKey = pinUniqueKey(pin, serverSecret)
        if (await tx.credential.findUnique({ where: { uniqueKey }, select: { id: true } })) throw pinInUse()
        const row = await tx.credential.create({
          data: {
            residentId,
            kind: 'pin',
            secretSealed: sealPin(pin, serverSecret),
            uniqueKey,
            validFrom: body.validFrom,
            validUntil: body.validTo,
          },
          select: credentialSelect,
        })
        await recordCredentialChange(scope, residentId, {
          actor,
          context,
          action: 'credential.pin_set',
          credentialId: row.id,
          details: { validFrom: body.validFrom, validUntil: body.validTo },
        })
        return toCredentialItem(row, { revealCards: true })
      }),
    pinInUse,
  )
}

/**
 * Revokes one of the resident's active credentials of `kind`: it stops counting at once (its unique key is
 * freed) and its doors get work to remove it. A face's photo is deleted with it. A PIN's sealed copy stays until
 * the sync worker has removed it from every device, which then wipes it.
 */
export async function revokeCredential(
  db: Db,
  actor: Actor,
  residentId: string,
  credentialId: string,
  kind: CredentialKind,
  context: AuditContext,
): Promise<RevokedCredential> {
  return runChange(db, async (scope) => {
    const { tx } = scope
    const row = await tx.credential.findUnique({
      where: { id: credentialId },
      select: { id: true, residentId: true, kind: true, revokedAt: true, photoId: true, value: true },
    })
    if (!row || row.residentId !== residentId || row.kind !== kind) throw notFound(`This resident's ${kind}`)
    if (row.revokedAt) throw conflict(`This ${kind} is already removed`, 'already_removed')
    const revokedAt = new Date()
    await tx.credential.update({ where: { id: credentialId }, data: { revokedAt, uniqueKey: null, photoId: null } })
    if (row.photoId) await tx.snapshot.deleteMany({ where: { id: row.photoId, source: 'enrolment' } })
    await recordCredentialChange(scope, residentId, {
      actor,
      context,
      action: `credential.${kind}_removed`,
      credentialId,
      details: kind === 'card' && row.value ? { cardEnding: row.value.slice(-4) } : {},
    })
    return { id: credentialId, kind, revokedAt: revokedAt.toISOString() }
  })
}
