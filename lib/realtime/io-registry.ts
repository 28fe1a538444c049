// The socket.io server lives on globalThis: server.ts (tsx) and Next's route bundles are separate module
// graphs, and a module-level variable would give route handlers their own empty copy.
import type { Server } from 'socket.io'
import type { Role } from '@/lib/domain/enums'
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/events'

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
export type SocketData = {
  userId: string
  role: Role
  via: 'session' | 'token'
  /** Set for token sockets: revoking the token drops the socket. */
  tokenId?: string
  /** The user's session version at the handshake: ending their sessions drops the socket. */
  sessionVersion?: number
}

const store = globalThis as unknown as { __liveServer?: LiveServer }

export function registerLiveServer(io: LiveServer | undefined): void {
  store.__liveServer = io
}

export function getLiveServer(): LiveServer | undefined {
  return store.__liveServer
}
