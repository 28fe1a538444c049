// Every error the server can give reaches the operator in their language: each code it answers with (listed in
// ERROR_CODES, or written anywhere in the server's source), each reason a field or a conflict is refused for, and
// the codes the console's own API client gives, has its sentence in every catalogue.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLIENT_ERROR_CODES, CONFLICT_REASONS, ERROR_CODES } from '@/lib/http/error-codes'
import { FIELD_REASONS } from '@/lib/http/field-issues'
import { MESSAGES_DIR } from '@/lib/i18n/catalogue'
import { serverSourceFiles, valuesAt } from '@/scripts/source-literals'

const CODE = /^[a-z][a-z0-9_]*$/

/** The codes written in the server's source where errors are made: AppError and its helpers, error bodies. */
const written = valuesAt(serverSourceFiles(['lib', 'app']), [
  { callee: 'new AppError', argument: 0 },
  { callee: 'AppError', argument: 0 },
  { callee: 'super', argument: 0 },
  { callee: 'unprocessable', argument: 0 },
  { callee: 'errorBody', argument: 0 },
  { callee: 'new StreamFetchError', argument: 2 },
  { callee: 'StreamFetchError', argument: 2 },
]).filter((v) => CODE.test(v.text))

type Tree = { [key: string]: string | Tree }
const catalogues = readdirSync(MESSAGES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8')) as Tree] as const)
const missingIn = (tree: Tree, namespace: string, keys: readonly string[]) =>
  keys.filter((key) => typeof (tree[namespace] as Tree | undefined)?.[key] !== 'string')

describe('error codes', () => {
  it('finds the codes written in the server (the scan works)', () => {
    const texts = written.map((v) => v.text)
    expect(texts).toEqual(expect.arrayContaining(['card_in_use', 'invalid_assignee', 'malformed_json', 'busy']))
    expect(texts).toEqual(expect.arrayContaining(['stream_host_refused', 'unauthorized', 'internal']))
  })

  it('lists every code the server writes', () => {
    const listed: readonly string[] = ERROR_CODES
    expect(written.filter((v) => !listed.includes(v.text)).map((v) => `${v.file}:${v.line} ${v.text}`)).toEqual([])
  })

  it.each(catalogues)('%s says every error code, field reason and conflict reason', (_file, tree) => {
    expect(missingIn(tree, 'errors', [...ERROR_CODES, ...CLIENT_ERROR_CODES]), 'errors.<code>').toEqual([])
    expect(missingIn((tree.validation ?? {}) as Tree, 'reasons', FIELD_REASONS), 'validation.reasons').toEqual([])
    expect(missingIn(tree, 'conflicts', CONFLICT_REASONS), 'conflicts.<reason>').toEqual([])
  })

  it('a code without a catalogue entry is caught', () => {
    const tree = catalogues[0][1]
    expect(missingIn(tree, 'errors', ['no_such_code_anywhere'])).toEqual(['no_such_code_anywhere'])
  })
})
