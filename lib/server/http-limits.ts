// Limits on the console's HTTP server, so slow or abundant clients cannot hold it: at most maxConnections sockets
// (socket.io included; further ones are closed on arrival), headers within headersTimeoutMs and the whole request
// within requestTimeoutMs (a client trickling bytes is answered 408 and cut off), and idle keep-alive sockets
// closed after keepAliveTimeoutMs. Timeouts are checked every second instead of Node's default 30 s.
import { createServer, type RequestListener, type Server } from 'node:http'

export type HttpLimits = {
  maxConnections: number
  headersTimeoutMs: number
  requestTimeoutMs: number
  keepAliveTimeoutMs: number
  checkIntervalMs: number
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxConnections: 1024,
  headersTimeoutMs: 20_000,
  // Face photos are uploaded as multipart bodies of a few MB: a minute leaves room for a slow link.
  requestTimeoutMs: 60_000,
  // Longer than the sender's pause between webhook bursts, so a pusher's connection is reused.
  keepAliveTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
}

export function createLimitedServer(limits: HttpLimits, listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    listener,
  )
  server.maxConnections = limits.maxConnections
  return server
}
