// The console's HTTP limits over real sockets, with small values: a client trickling its headers or body is cut
// off, connections beyond the cap are closed on arrival, idle keep-alive sockets are closed, ordinary requests
// are served.
import type { Server } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createLimitedServer, DEFAULT_HTTP_LIMITS, type HttpLimits } from '@/lib/server/http-limits'

let server: Server | undefined

async function listen(limits: Partial<HttpLimits>): Promise<number> {
  server = createLimitedServer({ ...DEFAULT_HTTP_LIMITS, checkIntervalMs: 50, ...limits }, (req, res) => {
    req.resume()
    req.on('end', () => res.end('ok'))
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

/** Opens a raw socket, writes `text`, and collects what comes back until the server closes it. */
function rawExchange(port: number, text: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }))
    socket.on('error', reject)
    setTimeout(() => reject(new Error('socket was never closed')), 5_000).unref()
  })
}

describe('HTTP limits', () => {
  it('answers 408 and closes a connection whose headers never finish', async () => {
    const port = await listen({ headersTimeoutMs: 300, requestTimeoutMs: 1_000 })
    const { answer } = await rawExchange(port, 'POST /api/webhooks/tuya HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })

  it('answers 408 and closes a request whose body trickles past the request timeout', async () => {
    const port = await listen({ headersTimeoutMs: 300, requestTimeoutMs: 600 })
    const head = 'POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"a":'
    const { answer, closedAfterMs } = await rawExchange(port, head)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(closedAfterMs).toBeGreaterThanOrEqual(500)
  })

  it('closes idle keep-alive connections after the keep-alive timeout', async () => {
    const port = await listen({ keepAliveTimeoutMs: 200 })
    const { answer, closedAfterMs } = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(closedAfterMs).toBeLessThan(2_000)
  })

  it('closes connections beyond maxConnections on arrival and keeps serving the others', async () => {
    const port = await listen({ maxConnections: 2 })
    const held = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => resolve(socket))
          }),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const refused = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(refused.answer).toBe('')
    held[0].write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    const answer = await new Promise<string>((resolve) => {
      let text = ''
      held[0].on('data', (chunk) => (text += chunk.toString()))
      held[0].on('close', () => resolve(text))
    })
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    held[1].destroy()
  })
})
