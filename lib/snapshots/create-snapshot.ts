// A snapshot is recorded (pending) inside the ingest transaction and fetched afterwards in the background,
// because device URLs are signed and expire: lib/snapshots/snapshot-fetcher.ts keeps a copy.
import type { Tx } from '@/lib/db/client'
import type { SnapshotRef } from '@/lib/ingest/normalise/normalised'

export function snapshotSourceOf(ref: SnapshotRef, deviceTuyaId: string | null): string {
  if (ref.type === 'url') return ref.fileKey ? `url:${ref.url}#key=${ref.fileKey}` : `url:${ref.url}`
  return `tuya:${deviceTuyaId ?? ''}:${JSON.stringify({ bucket: ref.bucket, path: ref.path, fileKey: ref.fileKey })}`
}

export async function createPendingSnapshot(tx: Tx, ref: SnapshotRef, deviceTuyaId: string | null): Promise<string> {
  const row = await tx.snapshot.create({ data: { source: snapshotSourceOf(ref, deviceTuyaId) }, select: { id: true } })
  return row.id
}
