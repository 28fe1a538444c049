// Ingest tells the background snapshot fetcher "there is work" without importing it (and without a poll delay).
const store = globalThis as unknown as { __snapshotWake?: () => void }

export function onSnapshotsPending(wake: (() => void) | undefined): void {
  store.__snapshotWake = wake
}

export function notifySnapshotsPending(): void {
  store.__snapshotWake?.()
}
