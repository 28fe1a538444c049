// One resident as the register lists it, read inside the change that moved its sync counts, so
// `resident.updated` carries the fresh counts; null once the row is gone.
import type { Tx } from '@/lib/db/client'
import { loadResidentItems } from '@/lib/residents/resident-item'
import type { ResidentItem } from '@/lib/residents/schema'

export async function readResidentItem(tx: Tx, residentId: string): Promise<ResidentItem | null> {
  const [item] = await loadResidentItems(tx, [residentId])
  return item ?? null
}
