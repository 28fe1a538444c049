// The README's REST table is the API's public index: every `METHOD /api/path` that a route file under app/api
// exports must be listed there, and every listed route must exist. The webhook and next-auth's sign-in routes are
// documented in sections of their own (they are not session/bearer REST endpoints), so they must be there instead.
// Exports are read from the source with the TypeScript parser: no route module (and its database) is loaded.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** Routes documented outside the REST table → the README heading that documents them. */
const OWN_SECTION: Readonly<Record<string, RegExp>> = {
  'POST /api/webhooks/tuya': /^### Webhook `POST \/api\/webhooks\/tuya`/m,
  'GET /api/auth/{...}': /^### Sign-in/m,
  'POST /api/auth/{...}': /^### Sign-in/m,
}

function listRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return listRouteFiles(full)
    return /^route\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** app/api/alarms/[id]/assign/route.ts → /api/alarms/{}/assign; catch-all segments → {...}; (groups) vanish. */
function urlPathOf(file: string): string {
  const segments = path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep)
  const mapped = segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (/^\[\[?\.\.\./.test(s) ? '{...}' : /^\[.*\]$/.test(s) ? '{}' : s))
  return `/${mapped.join('/')}`
}

/** HTTP methods a route module exports: `export const GET`, `export async function POST`, `export { h as GET }`. */
function exportedMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const names: string[] = []
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text)
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
      names.push(statement.name.text)
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const specifier of statement.exportClause.elements) names.push(specifier.name.text)
    }
  }
  return names.filter((n): n is string => (HTTP_METHODS as readonly string[]).includes(n))
}

function routesInApp(): string[] {
  return listRouteFiles(path.join(ROOT, 'app/api')).flatMap((file) =>
    exportedMethods(file).map((method) => `${method} ${urlPathOf(file)}`),
  )
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

/** First-column entries of the table under "### REST": `GET /api/x?query`, `GET/POST /api/y/{id}`. */
function routesInRestTable(): { routes: string[]; unreadable: string[] } {
  const start = README.search(/^### REST\b/m)
  if (start < 0) return { routes: [], unreadable: ['no "### REST" section'] }
  const bodyStart = README.indexOf('\n', start) + 1
  const end = README.slice(bodyStart).search(/^#{1,3} /m)
  const section = README.slice(bodyStart, end < 0 ? undefined : bodyStart + end)
  const rows = section.split('\n').filter((l) => /^\|/.test(l) && !/^\|\s*(route|-+)\s*\|/.test(l))
  const routes: string[] = []
  const unreadable: string[] = []
  for (const row of rows) {
    const firstCell = row.split(/(?<!\\)\|/)[1] ?? ''
    for (const [, span] of firstCell.matchAll(/`([^`]+)`/g)) {
      const match = /^([A-Z]+(?:\/[A-Z]+)*) (\/api\/[^\s?[]*)/.exec(span)
      if (!match) {
        unreadable.push(span)
        continue
      }
      const urlPath = match[2].replace(/\/$/, '').replace(/\{[^}]*\}/g, '{}')
      for (const method of match[1].split('/')) routes.push(`${method} ${urlPath}`)
    }
  }
  return { routes, unreadable }
}

describe('README REST table', () => {
  const inApp = routesInApp()
  const table = routesInRestTable()

  it('is readable: every first-column entry is `METHOD[/METHOD] /api/path`, no abbreviations', () => {
    expect(table.unreadable).toEqual([])
    expect(table.routes.length).toBeGreaterThan(10)
  })

  it('lists every route under app/api (except those with a section of their own)', () => {
    const missing = inApp.filter((r) => !(r in OWN_SECTION) && !table.routes.includes(r))
    expect(missing, 'routes missing from the README REST table').toEqual([])
  })

  it('lists no route that does not exist', () => {
    expect(
      table.routes.filter((r) => !inApp.includes(r)),
      'README REST rows with no route file',
    ).toEqual([])
  })

  it('documents the webhook and sign-in routes in their own sections, not in the table', () => {
    for (const [route, heading] of Object.entries(OWN_SECTION)) {
      expect(inApp, `${route} is listed as documented elsewhere but has no route file`).toContain(route)
      expect(heading.test(README), `README has a section matching ${heading}`).toBe(true)
      expect(table.routes).not.toContain(route)
    }
  })
})
