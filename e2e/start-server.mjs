// webServer command for Playwright: start from an empty e2e database, then run the real server in this process
// group (Playwright stops it by pid). Deleting here, not in globalSetup, because globalSetup may run after the
// webServer has started.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

rmSync(path.resolve('data/e2e'), { recursive: true, force: true })

const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { stdio: 'inherit', env: process.env })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
