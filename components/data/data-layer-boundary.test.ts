// The browser has one query layer: components and pages never build an `/api` URL, a query key or a request
// of their own; they call the hooks in components/data/ (URLs come from lib/http/api-paths.ts).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const DATA_LAYER = ['components/data/', 'components/realtime/apply-live-event.ts']
const CLIENT = ['components/data/api-client.ts']

const RULES = [
  { name: "an '/api/…' URL literal", pattern: /['"`]\/api\//, allowedIn: [] as string[] },
  { name: 'a query key', pattern: /\bqueryKey\s*[:,}]/, allowedIn: DATA_LAYER },
  { name: 'a query or mutation hook', pattern: /\buse(?:Infinite)?Query\(|\buseMutation\(/, allowedIn: DATA_LAYER },
  { name: 'a fetch() call', pattern: /\bfetch\(/, allowedIn: CLIENT },
]

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : []
  })
}

/** Code without comments (a `//` after a quote or a colon, as in `https://`, is not a comment). */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')

/** `file:line: what` for every line of `source` that breaks a rule not lifted for `file`. */
function findViolations(file: string, source: string): string[] {
  const lines = withoutComments(source).split('\n')
  return RULES.filter((rule) => !rule.allowedIn.some((allowed) => file.startsWith(allowed))).flatMap((rule) =>
    lines.flatMap((line, n) => (rule.pattern.test(line) ? [`${file}:${n + 1}: ${rule.name}: ${line.trim()}`] : [])),
  )
}

describe('the data-layer boundary', () => {
  it('catches each kind of violation (so the scan below can fail)', () => {
    const sample = [
      "const url = '/api/devices'",
      'useQuery({ queryKey: ["devices"], queryFn })',
      'await fetch(url)',
      "// '/api/x' in a comment is fine",
    ].join('\n')
    expect(findViolations('components/devices/x.tsx', sample).map((v) => v.split(': ')[1])).toEqual([
      "an '/api/…' URL literal",
      'a query key',
      'a query or mutation hook',
      'a fetch() call',
    ])
    expect(findViolations('components/data/x.ts', 'useQuery({ queryKey: k })')).toEqual([])
  })

  it('holds for every component and page', () => {
    const files = [...sourceFiles('components'), ...sourceFiles('app')]
    expect(files.length).toBeGreaterThan(20)
    const violations = files.flatMap((file) => findViolations(file, readFileSync(path.join(ROOT, file), 'utf8')))
    expect(violations).toEqual([])
  })
})
