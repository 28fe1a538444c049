// Writers tell the background sync worker "there is work" after their change commits, without importing it
// (and without waiting for its poll). Other instances find the same rows on their next poll.
const store = globalThis as unknown as { __syncWake?: () => void }

export function onSyncPending(wake: (() => void) | undefined): void {
  store.__syncWake = wake
}

export function notifySyncPending(): void {
  store.__syncWake?.()
}
