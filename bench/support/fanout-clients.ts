// The consoles of bench/fanout.ts, in their own process: N socket.io clients, each authenticated with its own API
// token, all guards. Each access.created carries its emit time (epoch ms, sub-ms) in its id; the arrival time is
// taken on the same wall clock (performance.timeOrigin + now), so the two processes need no clock exchange.
import { io as connect, type Socket } from 'socket.io-client'
import { childOptions, sendToParent } from '@/bench/support/child-process'

export type FanoutClientsOptions = { port: number; tokens: string[] }
export type FanoutClientsReady = { type: 'ready'; connected: number; failed: number; connectMs: number }
export type FanoutClientsReply = { type: 'latencies'; perEvent: number[][] }

const wallNow = () => performance.timeOrigin + performance.now()

async function main() {
  const { port, tokens } = childOptions<FanoutClientsOptions>()
  const perEvent = new Map<string, number[]>()
  const sockets: Socket[] = []
  const started = performance.now()
  const results = await Promise.all(
    tokens.map(
      (token) =>
        new Promise<boolean>((resolve) => {
          const socket = connect(`http://127.0.0.1:${port}`, {
            transports: ['websocket'],
            reconnection: false,
            auth: { token },
            timeout: 30_000,
          })
          sockets.push(socket)
          socket.on('access.created', (payload: { id: string }) => {
            const at = wallNow()
            const list = perEvent.get(payload.id) ?? []
            list.push(at - Number(payload.id.slice('fanout-'.length)))
            perEvent.set(payload.id, list)
          })
          socket.once('stream.ready', () => resolve(true))
          socket.once('connect_error', () => resolve(false))
        }),
    ),
  )
  const ready: FanoutClientsReady = {
    type: 'ready',
    connected: results.filter(Boolean).length,
    failed: results.filter((ok) => !ok).length,
    connectMs: performance.now() - started,
  }
  sendToParent(ready)
  process.on('message', (message: { type: string }) => {
    if (message.type === 'collect') {
      const reply: FanoutClientsReply = { type: 'latencies', perEvent: [...perEvent.values()] }
      sendToParent(reply)
    } else if (message.type === 'stop') {
      for (const socket of sockets) socket.close()
      process.exit(0)
    }
  })
  process.on('disconnect', () => process.exit(0))
}

void main()
