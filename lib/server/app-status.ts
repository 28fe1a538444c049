// Readiness facts shared between server.ts and the health route (globalThis: separate module graphs).
export type AppStatus = {
  migrated: boolean
  demo: boolean
  simulatorListening: boolean
  realtime: boolean
  messageService: 'disabled' | 'connecting' | 'connected' | 'disconnected'
}

const store = globalThis as unknown as { __appStatus?: AppStatus }

export function getAppStatus(): AppStatus {
  store.__appStatus ??= {
    migrated: false,
    demo: false,
    simulatorListening: false,
    realtime: false,
    messageService: 'disabled',
  }
  return store.__appStatus
}

export function updateAppStatus(patch: Partial<AppStatus>): void {
  Object.assign(getAppStatus(), patch)
}
