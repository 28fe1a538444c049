// Offboarding reaches open consoles: a socket authenticated at its handshake is re-checked every few seconds
// against the database, and dropped when its user was disabled, re-roled or had their sessions ended, or its
// API token was revoked or expired. Checking from the database (not only on the admin's request) covers changes
// made by the CLI and by other instances alike.
import type { Db } from '@/lib/db/client'
import { getLiveServer, type LiveServer, type SocketData } from '@/lib/realtime/io-registry'

export const SOCKET_REVALIDATE_MS = 2_000

type LiveSocket = { data: SocketData; disconnect(close?: boolean): unknown }

/** Disconnects every socket whose credentials no longer hold; returns how many it dropped. */
export async function revalidateSockets(db: Db, sockets: LiveSocket[], now = new Date()): Promise<number> {
  if (sockets.length === 0) return 0
  const userIds = [...new Set(sockets.map((s) => s.data.userId))]
  const tokenIds = [...new Set(sockets.flatMap((s) => (s.data.tokenId ? [s.data.tokenId] : [])))]
  const [users, tokens] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, role: true, disabledAt: true, sessionVersion: true },
    }),
    tokenIds.length
      ? db.apiToken.findMany({
          where: { id: { in: tokenIds } },
          select: { id: true, revokedAt: true, expiresAt: true },
        })
      : [],
  ])
  const userById = new Map(users.map((u) => [u.id, u]))
  const tokenById = new Map(tokens.map((t) => [t.id, t]))
  let dropped = 0
  for (const socket of sockets) {
    const user = userById.get(socket.data.userId)
    const token = socket.data.tokenId ? tokenById.get(socket.data.tokenId) : undefined
    const stillValid =
      user &&
      !user.disabledAt &&
      user.role === socket.data.role &&
      (socket.data.via === 'token'
        ? token && !token.revokedAt && !(token.expiresAt && token.expiresAt <= now)
        : user.sessionVersion === socket.data.sessionVersion)
    if (stillValid) continue
    socket.disconnect(true)
    dropped++
  }
  return dropped
}

/** Runs revalidateSockets over this instance's sockets until the server closes. */
export function startSocketRevalidation(db: Db, io: LiveServer, everyMs = SOCKET_REVALIDATE_MS): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    io.local
      .fetchSockets()
      .then((sockets) => revalidateSockets(db, sockets))
      .catch((error) => console.error('[realtime] socket revalidation failed', error))
      .finally(() => (running = false))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

export const userRoom = (userId: string) => `user:${userId}`

/** Drops a user's open sockets on every instance at once (the periodic check is the safety net). */
export function disconnectUserSockets(userId: string): void {
  getLiveServer()?.in(userRoom(userId)).disconnectSockets(true)
}
