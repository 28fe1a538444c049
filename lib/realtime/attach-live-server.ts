// socket.io on the app's HTTP server: handshake auth (session cookie or API token, nothing else), role
// rooms, catch-up from `auth.since`, optional Redis adapter so several instances share one stream.
import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { z } from 'zod'
import { actorFromApiToken, actorFromSessionCookie, parseCookieHeader, type Actor } from '@/lib/auth/actor'
import type { Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { mayReceive, parseLiveEvent, roleRoom } from '@/lib/realtime/events'
import { emitLiveEvent } from '@/lib/realtime/publish'
import { registerLiveServer, type LiveServer } from '@/lib/realtime/io-registry'
import { startSocketRevalidation, userRoom } from '@/lib/realtime/revalidate-sockets'

export const CATCH_UP_LIMIT = 1000

const handshakeSchema = z.object({
  token: z.string().min(1).optional(),
  since: z.coerce.number().int().min(0).optional(),
})

async function authenticate(db: Db, auth: unknown, cookieHeader: string | undefined): Promise<Actor | null> {
  const parsed = handshakeSchema.safeParse(auth ?? {})
  if (parsed.success && parsed.data.token) return actorFromApiToken(db, parsed.data.token)
  if (!cookieHeader) return null
  return actorFromSessionCookie(db, { cookies: parseCookieHeader(cookieHeader) })
}

async function replaySince(db: Db, socket: Parameters<Parameters<LiveServer['on']>[1]>[0], since: number, role: Role) {
  const rows = await db.liveEvent.findMany({
    where: { seq: { gt: since } },
    orderBy: { seq: 'asc' },
    take: CATCH_UP_LIMIT + 1,
  })
  const truncated = rows.length > CATCH_UP_LIMIT
  let last = since
  let replayed = 0
  for (const row of rows.slice(0, CATCH_UP_LIMIT)) {
    last = row.seq
    const event = parseLiveEvent(row.event, { ...JSON.parse(row.payload), seq: row.seq })
    if (!event || !mayReceive(role, event.event)) continue
    emitLiveEvent(socket, event)
    replayed++
  }
  return { last, replayed, truncated }
}

export async function attachLiveServer(httpServer: HttpServer, db: Db, options: { redisUrl?: string } = {}) {
  const io: LiveServer = new Server(httpServer, { path: '/socket.io', serveClient: false })
  if (options.redisUrl) {
    const { createClient } = await import('redis')
    const { createAdapter } = await import('@socket.io/redis-adapter')
    const pub = createClient({ url: options.redisUrl })
    const sub = pub.duplicate()
    await Promise.all([pub.connect(), sub.connect()])
    io.adapter(createAdapter(pub, sub))
  }

  io.use(async (socket, next) => {
    try {
      const actor = await authenticate(db, socket.handshake.auth, socket.handshake.headers.cookie)
      if (!actor) return next(new Error('unauthorized: sign in or pass auth.token'))
      socket.data = {
        userId: actor.userId,
        role: actor.role,
        via: actor.via,
        tokenId: actor.tokenId,
        sessionVersion: actor.sessionVersion,
      }
      next()
    } catch {
      next(new Error('unavailable: could not verify credentials'))
    }
  })

  io.on('connection', async (socket) => {
    const since = handshakeSchema.safeParse(socket.handshake.auth ?? {}).data?.since
    try {
      let info = { last: 0, replayed: 0, truncated: false }
      if (since !== undefined) info = await replaySince(db, socket, since, socket.data.role)
      await socket.join([roleRoom(socket.data.role), userRoom(socket.data.userId)])
      // Close the gap between the replay query and joining the room.
      if (since !== undefined) {
        const gap = await replaySince(db, socket, info.last, socket.data.role)
        info = { last: gap.last, replayed: info.replayed + gap.replayed, truncated: info.truncated }
      }
      const latest = await db.liveEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } })
      socket.emit('stream.ready', { seq: latest?.seq ?? 0, replayed: info.replayed, truncated: info.truncated })
    } catch (error) {
      console.error('[realtime] catch-up failed', error)
      socket.disconnect(true)
    }
  })

  const stopRevalidation = startSocketRevalidation(db, io)
  httpServer.once('close', stopRevalidation)
  registerLiveServer(io)
  return io
}
