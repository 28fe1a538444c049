// The README's REST table is the documented role matrix. Every route it lists must be a route fixture (or public)
// whose permission the grant table gives to exactly the roles in its "roles" column, so the README, the fixtures
// and the grant table cannot drift apart. (scripts/readme-routes.test.ts checks the table lists every route file,
// and the role matrix's inventory that every route file has a fixture.)
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rolesWith } from '@/lib/auth/permissions'
import { ROLES, roleSchema, type Role } from '@/lib/domain/enums'
import { METHODS, PUBLIC_ROUTES, ROUTES, type Method } from '@/lib/http/fixtures/route-matrix'

type DocumentedRoute = { method: Method; file: string; roles: Role[] | 'public'; row: string }

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8')

/** `/api/calls/{id}/answer?x` → `app/api/calls/[id]/answer/route.ts`. */
const fileOf = (apiPath: string) => `app${apiPath.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`

function rolesOf(cell: string): Role[] | 'public' {
  if (cell === 'public') return 'public'
  if (cell === 'any signed-in role') return [...ROLES]
  return cell.split(',').map((role) => roleSchema.parse(role.trim()))
}

/** The rows of the table under "### REST", one entry per method and route. */
function documentedRoutes(): DocumentedRoute[] {
  const start = README.search(/^### REST\b/m)
  const section = README.slice(start, README.indexOf('\n### ', start + 1))
  const routes: DocumentedRoute[] = []
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const [routeCell, rolesCell] = row
      .split(/(?<!\\)\|/)
      .slice(1)
      .map((cell) => cell.trim())
    const [, methods, apiPath] = /^`([A-Z/]+) (\/api\/[^\s?`]*)/.exec(routeCell) ?? []
    if (!methods || !apiPath) throw new Error(`README REST table: cannot read ${routeCell}`)
    for (const method of methods.split('/')) {
      if (!(METHODS as readonly string[]).includes(method)) throw new Error(`README: unknown method in ${routeCell}`)
      routes.push({ method: method as Method, file: fileOf(apiPath), roles: rolesOf(rolesCell), row: routeCell })
    }
  }
  return routes
}

describe('the README REST table', () => {
  const documented = documentedRoutes()

  it('is read as a list of routes', () => {
    expect(documented.length).toBeGreaterThan(10)
    expect(documented).toContainEqual(
      expect.objectContaining({ method: 'POST', file: 'app/api/calls/[id]/decline/route.ts' }),
    )
  })

  it.each(documented)('$method $file: the grant table serves exactly the documented roles', (route) => {
    if (route.roles === 'public') return expect(PUBLIC_ROUTES).toContain(route.file)
    const routeCase = ROUTES[route.file]?.[route.method]
    expect(routeCase, `${route.method} ${route.file} has no route fixture`).toBeDefined()
    expect([...rolesWith(routeCase!.permission)].sort(), route.row).toEqual([...route.roles].sort())
  })
})
