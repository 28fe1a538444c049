// The register's vocabularies on screen: their order and colours (the words are `residents.kinds.*` and
// `residents.statuses.*` in the message catalogues), and small formatting helpers.
import type { Tone } from '@/components/ui/badge'
import type { ResidentKind, ResidentStatus } from '@/lib/domain/enums'
import type { ResidentItem } from '@/lib/residents/schema'

/** Listed here rather than imported from lib/domain/enums, which would bring zod into the page. */
const KIND_ORDER: Record<ResidentKind, number> = { owner: 0, tenant: 1, family: 2, staff: 3, contractor: 4, other: 5 }
export const KINDS = (Object.keys(KIND_ORDER) as ResidentKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b])

export const STATUS_TONES: Record<ResidentStatus, Tone> = {
  active: 'ok',
  suspended: 'warn',
  erasing: 'danger',
  erased: 'neutral',
}
export const STATUSES = Object.keys(STATUS_TONES) as ResidentStatus[]

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
