// Every audit action the code records is offered by the audit filter and named in every language; so is every
// kind of object an entry names.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { KNOWN_AUDIT_ACTIONS, KNOWN_AUDIT_TARGETS } from '@/lib/audit/audit-actions'
import { MESSAGES_DIR } from '@/lib/i18n/catalogue'
import { serverSourceFiles, valuesAt } from '@/scripts/source-literals'

const ACTION_NAME = /^[a-z_]+(\.[a-z_*]+)+$/
const known: readonly string[] = KNOWN_AUDIT_ACTIONS
const recorded = valuesAt(serverSourceFiles(), [{ property: 'action' }]).filter((v) => ACTION_NAME.test(v.text))
const targets = valuesAt(serverSourceFiles(), [{ property: 'targetType' }]).filter((v) => /^[a-z_]+$/.test(v.text))

type Tree = { [key: string]: string | Tree }
const catalogues = readdirSync(MESSAGES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8')) as Tree] as const)
const lookup = (tree: Tree, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree)

describe('audit actions', () => {
  it('finds the actions the code records (the scan works)', () => {
    expect(recorded.map((v) => v.text)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'resident.created', 'user.disabled', 'credential.*_removed']),
    )
  })

  it('lists every action the code records', () => {
    const missing = recorded.filter((v) =>
      v.pattern ? !known.some((a) => v.pattern?.test(a)) : !known.includes(v.text),
    )
    expect(missing.map((v) => `${v.file}:${v.line} ${v.text}`)).toEqual([])
  })

  it('lists every kind of object an entry names', () => {
    const listed: readonly string[] = KNOWN_AUDIT_TARGETS
    expect(targets.filter((v) => !listed.includes(v.text)).map((v) => `${v.file}:${v.line} ${v.text}`)).toEqual([])
  })

  it.each(catalogues)('%s names every action and object kind', (_file, tree) => {
    expect(KNOWN_AUDIT_ACTIONS.filter((a) => typeof lookup(tree, `auditActions.${a}`) !== 'string')).toEqual([])
    expect(KNOWN_AUDIT_TARGETS.filter((k) => typeof lookup(tree, `audit.targets.${k}`) !== 'string')).toEqual([])
  })
})
