// Runs a bench server in its own Node process (via tsx) so the load generator and the server under test do not
// share one event loop. Messages go both ways over the IPC channel; every wait has a deadline.
import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'

export type BenchChild<Ready, Reply> = {
  ready: Ready
  request(message: object, timeoutMs?: number): Promise<Reply>
  stop(): Promise<void>
}

function nextMessage<T>(child: ChildProcess, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`bench child: no ${what} within ${timeoutMs} ms`))
    }, timeoutMs)
    const onMessage = (message: unknown) => {
      cleanup()
      resolve(message as T)
    }
    const onExit = (code: number | null) => {
      cleanup()
      reject(new Error(`bench child exited (${code}) before ${what}`))
    }
    const cleanup = () => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/** Forks `script` (relative to bench/) with one JSON argument and waits for its first message. */
export async function startBenchChild<Ready, Reply>(
  script: string,
  options: object,
  readyTimeoutMs = 60_000,
): Promise<BenchChild<Ready, Reply>> {
  const child = fork(path.resolve(__dirname, '..', script), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await nextMessage<Ready>(child, readyTimeoutMs, 'ready message')
  let queue: Promise<unknown> = Promise.resolve()
  return {
    ready,
    request(message, timeoutMs = 60_000) {
      // One request at a time, so replies cannot cross.
      const reply = queue.then(() => {
        const next = nextMessage<Reply>(child, timeoutMs, 'reply')
        child.send(message)
        return next
      })
      queue = reply.catch(() => undefined)
      return reply
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send({ type: 'stop' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** In the child: the options passed by startBenchChild. */
export function childOptions<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T
}

export function sendToParent(message: object): void {
  process.send?.(message)
}
