// Writers tell the background sync worker "there is work" after their change commits, without importing it
// (and without waiting for its poll). Other instances find the same rows on their next poll. Kept on globalThis:
// route handlers (Next's module graph) and the worker (server.ts's) share it.
const store = globalThis as unknown as { __syncWakers?: Set<() => void> }

function wakers(): Set<() => void> {
  store.__syncWakers ??= new Set()
  return store.__syncWakers
}

/** Registers a worker's wake-up; returns its unregistration. */
export function onSyncPending(wake: () => void): () => void {
  wakers().add(wake)
  return () => void wakers().delete(wake)
}

export function notifySyncPending(): void {
  for (const wake of wakers()) wake()
}
