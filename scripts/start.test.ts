// `npm start` (scripts/start.mjs) stops cleanly: SIGTERM or SIGINT sent to it reaches the server, which drains and
// exits, and start.mjs exits with the server's code, leaving no orphan. Real processes: start.mjs runs in a
// scratch directory that looks freshly built (so it does not rebuild) and whose server.ts is a stand-in that
// records the signal it got. The real server's own drain is covered by lib/server/graceful-shutdown.test.ts and
// e2e/start-stop.spec.ts.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'

const repo = path.resolve(__dirname, '..')

const STAND_IN_SERVER = `
import { createServer } from 'node:http'
import { writeFileSync } from 'node:fs'
const server = createServer((_req, res) => res.end('ok'))
server.listen(0, '127.0.0.1', () => writeFileSync('server.pid', String(process.pid)))
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    writeFileSync('stopped-by', signal)
    server.close(() => process.exit(Number(process.env.STAND_IN_EXIT_CODE ?? 0)))
  })
}
`

let scratch: string | undefined
let serverPid: number | undefined

afterEach(() => {
  // An orphan would outlive the test run: never leave one behind, whatever the outcome.
  if (serverPid !== undefined && isRunning(serverPid)) process.kill(serverPid, 'SIGKILL')
  if (scratch) rmSync(scratch, { recursive: true, force: true })
  scratch = serverPid = undefined
})

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function prepareScratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'console-start-'))
  mkdirSync(path.join(dir, '.next'))
  writeFileSync(path.join(dir, '.next', 'BUILD_ID'), 'stand-in-build')
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'))
  writeFileSync(path.join(dir, 'server.ts'), STAND_IN_SERVER)
  return dir
}

function startConsole(dir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(repo, 'scripts', 'start.mjs')], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  })
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )

describe('npm start (scripts/start.mjs)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'passes %s on to the server, which stops; start.mjs exits 0 and no server is left',
    async (signal) => {
      scratch = prepareScratch()
      const dir = scratch
      const start = startConsole(dir)
      const exited = exitOf(start)
      await waitUntil(() => existsSync(path.join(dir, 'server.pid')), 'the server to start', 15_000)
      serverPid = Number(readFileSync(path.join(dir, 'server.pid'), 'utf8'))

      start.kill(signal)

      expect(await exited).toEqual({ code: 0, signal: null })
      expect(readFileSync(path.join(dir, 'stopped-by'), 'utf8')).toBe(signal)
      await waitUntil(() => !isRunning(serverPid as number), 'the server process to be gone', 5_000)
    },
  )

  it("ends with the server's own exit code", async () => {
    scratch = prepareScratch()
    const dir = scratch
    const start = startConsole(dir, { STAND_IN_EXIT_CODE: '3' })
    const exited = exitOf(start)
    await waitUntil(() => existsSync(path.join(dir, 'server.pid')), 'the server to start', 15_000)
    serverPid = Number(readFileSync(path.join(dir, 'server.pid'), 'utf8'))

    start.kill('SIGTERM')

    expect(await exited).toEqual({ code: 3, signal: null })
  })
})
