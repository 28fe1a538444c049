'use client'
// Where each device stands with one resident. Placeholder until the sync work lands.
export function SyncPanel({ residentId }: { residentId: string }) {
  return <section aria-label="Sync to doors" data-resident={residentId} />
}
