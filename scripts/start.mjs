// `npm start`: production build of the console (built on first start, or when sources changed since the last
// build), then the one-process server (Next + socket.io + Tuya sources; the simulator in demo mode). Both run as
// children that receive this process's SIGTERM/SIGINT, so stopping `npm start` stops the server cleanly.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { runForwardingSignals } from './run-forwarding-signals.mjs'

const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'package-lock.json']

function newestMtime(target) {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) {
    if (entry === 'generated' || entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

const buildId = '.next/BUILD_ID'
const stale = !existsSync(buildId) || SOURCES.some((s) => newestMtime(s) > statSync(buildId).mtimeMs)
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }
if (stale) {
  console.log('> Building the console (first start or changed sources)…')
  const built = await runForwardingSignals('npx', ['next', 'build'], { env })
  if (built !== 0) process.exit(built)
}
process.exit(await runForwardingSignals(process.execPath, ['--import', 'tsx', 'server.ts'], { env }))
