// How the register names its vocabularies on screen.
import type { Tone } from '@/components/ui/badge'
import type { ResidentKind, ResidentStatus } from '@/lib/domain/enums'
import type { ResidentItem } from '@/lib/residents/schema'

export const KIND_LABELS: Record<ResidentKind, string> = {
  owner: 'Owner',
  tenant: 'Tenant',
  family: 'Family member',
  staff: 'Staff',
  contractor: 'Contractor',
  other: 'Other',
}

export const STATUS_LABELS: Record<ResidentStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  erasing: 'Erasing',
  erased: 'Erased',
}

/** In display order. Listed here rather than imported from lib/domain/enums, which would bring zod into the page. */
export const KINDS = Object.keys(KIND_LABELS) as ResidentKind[]
export const STATUSES = Object.keys(STATUS_LABELS) as ResidentStatus[]

export const STATUS_TONES: Record<ResidentStatus, Tone> = {
  active: 'ok',
  suspended: 'warn',
  erasing: 'danger',
  erased: 'neutral',
}

/** "Block A / A-101", or "—". */
export const unitLabelOf = (item: Pick<ResidentItem, 'unit' | 'building'>) =>
  item.unit ? (item.building ? `${item.building} / ${item.unit}` : item.unit) : '—'

/** The calendar day of a stored bound (UTC, as the API reads a date), for a date input or a line of text. */
export const dayOf = (iso: string | null) => (iso ? iso.slice(0, 10) : '')

/** How far an erasure has reached: devices that confirmed, of all that held the person. */
export function erasureProgress(item: Pick<ResidentItem, 'sync'>) {
  const total = item.sync.pending + item.sync.synced + item.sync.failed
  return { confirmed: item.sync.synced, total }
}
