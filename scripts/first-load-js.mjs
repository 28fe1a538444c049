// Gzipped first-load JavaScript per page of the last `next build` (Next 16 no longer prints it): the shared
// runtime chunks plus the chunks of the page's layouts and the page itself. Chunks loaded later with import()
// are not counted. `--budget=KB` fails when the console page is over it.
// Usage: npx next build && node scripts/first-load-js.mjs --budget=200
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const NEXT = path.resolve('.next')
const CONSOLE = '/(console)/console/page'
const budget = Number(process.argv.find((a) => a.startsWith('--budget='))?.split('=')[1] ?? Infinity)

const build = JSON.parse(readFileSync(path.join(NEXT, 'build-manifest.json'), 'utf8'))
const gzipped = (file) => gzipSync(readFileSync(path.join(NEXT, file)), { level: 9 }).length

function manifestsUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return manifestsUnder(file)
    return name === 'page_client-reference-manifest.js' ? [file] : []
  })
}

/** The route and its entry chunks, from the client reference manifest the build wrote for one page. */
function readManifest(file) {
  globalThis.__RSC_MANIFEST = {}
  new Function(readFileSync(file, 'utf8'))()
  const [route, manifest] = Object.entries(globalThis.__RSC_MANIFEST)[0]
  return { route, entryJSFiles: manifest.entryJSFiles }
}

const sizes = manifestsUnder(path.join(NEXT, 'server/app')).map((file) => {
  const { route, entryJSFiles } = readManifest(file)
  const segments = route
    .replace(/\/page$/, '')
    .split('/')
    .filter(Boolean)
  const entries = ['[project]/app/layout', `[project]/app${route}`]
  for (let i = 1; i <= segments.length; i++) entries.push(`[project]/app/${segments.slice(0, i).join('/')}/layout`)
  const files = new Set(build.rootMainFiles)
  for (const entry of entries) for (const chunk of entryJSFiles[entry] ?? []) files.add(chunk)
  return { route, kb: [...files].reduce((sum, f) => sum + gzipped(f), 0) / 1024 }
})

for (const { route, kb } of sizes.sort((a, b) => a.route.localeCompare(b.route))) {
  console.log(`${route.padEnd(34)} ${kb.toFixed(1).padStart(6)} KB gzip`)
}
const consolePage = sizes.find((s) => s.route === CONSOLE)
if (consolePage && consolePage.kb > budget) {
  console.error(`✗ the console's first load is ${consolePage.kb.toFixed(1)} KB gzip, over the ${budget} KB budget`)
  process.exit(1)
}
