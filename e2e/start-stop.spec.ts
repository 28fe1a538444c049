// `npm start` for real, against the production build: the console comes up in demo mode, and SIGTERM sent to
// `node scripts/start.mjs` reaches the server, which drains and exits; start.mjs exits 0 and leaves no server
// process or listening port behind. Runs after `next build` (npm test builds first), so start.mjs does not
// rebuild. Its own ports, next to the e2e server's.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { E2E_PORT, E2E_SIM_PORT } from './e2e-env'

const PORT = E2E_PORT + 1
const SIM_PORT = E2E_SIM_PORT + 1
const BASE = `http://127.0.0.1:${PORT}`

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

test('npm start stops cleanly on SIGTERM: the server drains and exits, nothing is left running', async () => {
  test.setTimeout(120_000)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-start-stop-'))
  let start: ChildProcess | undefined
  let serverPid: number | undefined
  try {
    let output = ''
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        SIM_PORT: String(SIM_PORT),
        SIM_DEMO_RATE: '0',
        DATABASE_URL: `file:${path.join(dataDir, 'console.db')}`,
        NEXTAUTH_URL: BASE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      start?.once('exit', (code, signal) => resolve({ code, signal })),
    )

    await expect
      .poll(async () => (await fetch(`${BASE}/api/health`).catch(() => undefined))?.status, { timeout: 90_000 })
      .toBe(200)
    const servers = childPids(start.pid as number)
    expect(servers).toHaveLength(1)
    serverPid = servers[0]

    start.kill('SIGTERM')

    expect(await exited).toEqual({ code: 0, signal: null })
    expect(output).toContain('SIGTERM: shutting down')
    expect(isRunning(serverPid)).toBe(false)
    await expect(fetch(`${BASE}/api/health`)).rejects.toThrow()
  } finally {
    if (serverPid !== undefined && isRunning(serverPid)) process.kill(serverPid, 'SIGKILL')
    if (start?.exitCode === null) start.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
})
