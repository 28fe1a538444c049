// `npm test`: every test, in order of cost: format (Prettier), lint (with the layering rule), type-check, schema drift check,
// unit + integration (Vitest, real SQLite and PostgreSQL), production build, e2e (Playwright, Debian Chromium).
// Ends with one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const results = { passed: 0, failed: 0, skipped: 0 }
const started = Date.now()

function fail(message) {
  console.error(`\n✗ ${message}`)
  console.log(`${results.passed} passed, ${results.failed + 1} failed`)
  process.exit(1)
}

function run(title, command, args, env = {}) {
  const t0 = Date.now()
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  })
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  if (result.status !== 0) return { ok: false, seconds }
  console.log(`✓ ${title} (${seconds} s)`)
  return { ok: true, seconds }
}

function canConnect(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect(port, host)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

// Preconditions, each with the exact fix.
if (!existsSync(chromium)) {
  fail(
    `Chromium not found at ${chromium}. Install Debian's Chromium: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH). Never run \`npx playwright install\`.`,
  )
}
const providers = (process.env.TEST_DATABASES ?? 'sqlite,postgresql').split(',')
if (providers.includes('postgresql') && !(await canConnect(5432))) {
  fail(
    'PostgreSQL is not answering on 127.0.0.1:5432. Start it (pg_ctlcluster <version> main start) or run with TEST_DATABASES=sqlite.',
  )
}

mkdirSync('test-results', { recursive: true })
const vitestJson = 'test-results/vitest.json'
const playwrightJson = 'test-results/playwright.json'
rmSync(vitestJson, { force: true })
rmSync(playwrightJson, { force: true })

const steps = [
  ['format', 'npx', ['prettier', '--check', '.', '--log-level=warn']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['type-check', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['schema drift', 'npx', ['tsx', 'scripts/derive-pg-schema.ts', '--check']],
  [
    'unit + integration',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  ],
  ['production build', 'npx', ['next', 'build']],
  // Bytes, not time: the console's first JavaScript stays within its budget (zod or a chart library slipping into
  // it is how it grew before).
  ['first-load budget', process.execPath, ['scripts/first-load-js.mjs', '--budget=200']],
  ['e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
]

for (const [title, command, args, env] of steps) {
  const { ok } = run(title, command, args, env)
  if (title === 'unit + integration' && existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
    results.passed += report.numPassedTests
    results.failed += report.numFailedTests
    results.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  }
  if (title === 'e2e' && existsSync(playwrightJson)) {
    const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats
    results.passed += stats.expected + (stats.flaky ?? 0)
    results.failed += stats.unexpected
    results.skipped += stats.skipped
  }
  if (!ok) fail(`${title} failed`)
}

console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(
  `${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`,
)
