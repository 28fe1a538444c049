// A console's end of the live stream: a socket.io-client connected with an API token (or nothing, for the bare
// baseline), counting `access.created` events and timing each on arrival.
import { io as connect, type Socket } from 'socket.io-client'

export type LiveClient = {
  socket: Socket
  /** Arrival times (performance.now()) of every access.created since the last reset. */
  arrivals: number[]
  /** Resolves at the arrival of the next access.created, or rejects after timeoutMs. */
  nextEvent(timeoutMs?: number): Promise<number>
  /** Resolves once `total` events have arrived since the last reset (or after timeoutMs, with what arrived). */
  waitForCount(total: number, timeoutMs: number): Promise<number>
  reset(): void
  close(): void
}

export async function connectLiveClient(port: number, token: string | null, timeoutMs = 10_000): Promise<LiveClient> {
  const socket = connect(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    auth: token ? { token } : {},
  })
  const arrivals: number[] = []
  let waiter: { resolve(at: number): void } | undefined
  let countWaiter: { total: number; resolve(n: number): void } | undefined
  socket.on('access.created', () => {
    const at = performance.now()
    arrivals.push(at)
    const w = waiter
    waiter = undefined
    w?.resolve(at)
    if (countWaiter && arrivals.length >= countWaiter.total) countWaiter.resolve(arrivals.length)
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('live client: no connection')), timeoutMs)
    // ours announces `stream.ready` once the socket has joined its role room; the bare server has no such event.
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    if (token) socket.once('stream.ready', done)
    else socket.once('connect', done)
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
  return {
    socket,
    arrivals,
    nextEvent(wait = 5_000) {
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = undefined
          reject(new Error('live client: event did not arrive'))
        }, wait)
        waiter = {
          resolve: (at) => {
            clearTimeout(timer)
            resolve(at)
          },
        }
      })
    },
    waitForCount(total, wait) {
      if (arrivals.length >= total) return Promise.resolve(arrivals.length)
      return new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          countWaiter = undefined
          resolve(arrivals.length)
        }, wait)
        countWaiter = {
          total,
          resolve: (n) => {
            clearTimeout(timer)
            countWaiter = undefined
            resolve(n)
          },
        }
      })
    },
    reset() {
      arrivals.length = 0
    },
    close: () => void socket.close(),
  }
}
