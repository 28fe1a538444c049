import { apiPaths } from '@/lib/http/api-paths'

/** What an item needs of its snapshot: the id and whether the image is stored yet. */
export const snapshotInclude = { select: { id: true, state: true } } as const
export type SnapshotLink = { id: string; state: string }

/** Browsers only ever see snapshots through our authenticated route, never the device's signed URL. */
export function snapshotUrlOf(snapshot: SnapshotLink | null | undefined): string | null {
  return snapshot && snapshot.state === 'stored' ? apiPaths.snapshot(snapshot.id) : null
}
