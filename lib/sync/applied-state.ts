// What one device is known to hold for one resident (`DeviceSync.applied`, JSON). The worker writes it after
// every successful call, so a push that stops half-way (crash, lease lost, failure) resumes from here instead of
// redoing or forgetting work, and the next push sends only the difference. PINs are never stored here: the device
// API needs the PIN itself, which is unsealed from its credential at push time.
import { z } from 'zod'

const personSchema = z.object({
  name: z.string(),
  /** ms, as sent (begin_time / end_time); null when the resident has no window. */
  begin: z.number().nullable(),
  end: z.number().nullable(),
})
export type AppliedPerson = z.infer<typeof personSchema>

const lockPasswordSchema = z.object({ id: z.string(), from: z.number(), until: z.number() })
export type AppliedLockPassword = z.infer<typeof lockPasswordSchema>

export const appliedSchema = z.object({
  // Access-control persons (face terminals, door stations).
  person: personSchema.optional(),
  /** credential id → face id on the device. */
  faces: z.record(z.string(), z.string()).default({}),
  /** credential id → card number on the device. */
  cards: z.record(z.string(), z.string()).default({}),
  /** credential ids whose PIN the device holds. */
  pins: z.array(z.string()).default([]),
  // Residential locks.
  member: z.object({ userId: z.string(), name: z.string() }).optional(),
  /** A member creation was sent but its answer not recorded: look the member up by this nick name first. */
  memberPending: z.string().optional(),
  /** credential id → temporary password on the lock. */
  passwords: z.record(z.string(), lockPasswordSchema).default({}),
  /** credential id → temporary password name of a creation sent but not recorded. */
  passwordsPending: z.record(z.string(), z.string()).default({}),
  /** What could not be pushed and why, shown to operators; not a failure. */
  notes: z.array(z.string()).default([]),
})
export type Applied = z.infer<typeof appliedSchema>

export const emptyApplied = (): Applied => appliedSchema.parse({})

/** A row's stored state; an unreadable value is treated as "unknown", so the next push re-sends everything. */
export function parseApplied(stored: string | null): Applied {
  if (!stored) return emptyApplied()
  try {
    const parsed = appliedSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : emptyApplied()
  } catch {
    return emptyApplied()
  }
}

export function serializeApplied(applied: Applied): string {
  return JSON.stringify(applied)
}

/** Whether the device may still hold anything of this resident. */
export function holdsAnything(applied: Applied): boolean {
  return (
    applied.person !== undefined ||
    Object.keys(applied.faces).length > 0 ||
    Object.keys(applied.cards).length > 0 ||
    applied.pins.length > 0 ||
    applied.member !== undefined ||
    applied.memberPending !== undefined ||
    Object.keys(applied.passwords).length > 0 ||
    Object.keys(applied.passwordsPending).length > 0
  )
}

/** Credential ids this device may still hold (PINs and lock passwords), to know when a PIN may be forgotten. */
export function heldPinIds(applied: Applied): string[] {
  return [...applied.pins, ...Object.keys(applied.passwords), ...Object.keys(applied.passwordsPending)]
}
