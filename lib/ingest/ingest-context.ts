// State shared by the persistence steps of one inbound message, inside its transaction.
import type { Tx } from '@/lib/db/client'
import type { PendingLiveEvent } from '@/lib/realtime/publish'

export type IngestedRef = { kind: 'access' | 'call' | 'alarm' | 'device'; id: string }

export type IngestContext = {
  tx: Tx
  messageId: string
  receivedAt: Date
  backfilled: boolean
  device: { id: string; tuyaId: string; name: string } | null
  live: PendingLiveEvent[]
  refs: IngestedRef[]
  snapshotIds: string[]
  notes: string[]
}

export function addRef(ctx: IngestContext, ref: IngestedRef): void {
  if (!ctx.refs.some((r) => r.kind === ref.kind && r.id === ref.id)) ctx.refs.push(ref)
}
