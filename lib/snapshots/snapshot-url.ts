/** Browsers only ever see snapshots through our authenticated route, never the device's signed URL. */
export function snapshotUrlOf(snapshot: { id: string; state: string } | null | undefined): string | null {
  return snapshot && snapshot.state === 'stored' ? `/api/snapshots/${snapshot.id}` : null
}
