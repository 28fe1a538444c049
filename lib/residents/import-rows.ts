// The resident CSV import, checked row by row before anything is written: the header, each cell against the same
// validators as the JSON API, units resolved by "building/label" or by a label only one building uses, and
// duplicates within the file. The report names row (the header is row 1), column and problem. Cells are data:
// a cell a spreadsheet would take for a formula is stored exactly as written, and the report says so.
import { residentKindSchema, type ResidentKind } from '@/lib/domain/enums'
import { isBlankRecord, parseCsv } from '@/lib/residents/csv'
import {
  emailSchema,
  notesSchema,
  phoneSchema,
  residentNameSchema,
  VALIDITY_ORDER_MESSAGE,
  validityBound,
  validityInOrder,
  type ImportIssue,
} from '@/lib/residents/schema'
import type { z } from 'zod'

export const IMPORT_COLUMNS = ['name', 'unit', 'kind', 'phone', 'email', 'validFrom', 'validUntil', 'notes'] as const
type Column = (typeof IMPORT_COLUMNS)[number]
export const MAX_IMPORT_ROWS = 5000
/** Parsing stops here whatever happens: blank lines count too, and 1 MB cannot hold many more. */
const MAX_RECORDS = 200_000

export type UnitRef = { id: string; label: string; building: string }
export type ExistingResident = { name: string; unitId: string | null }

export type ImportRow = {
  row: number
  name: string
  unitId: string | null
  kind: ResidentKind
  phone: string | null
  email: string | null
  notes: string | null
  validFrom: Date | null
  validUntil: Date | null
}

export type CheckedImport = { rows: number; valid: ImportRow[]; errors: ImportIssue[]; warnings: ImportIssue[] }

/** What a spreadsheet would evaluate: a leading =, +, -, @, tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/

const fold = (text: string) => text.trim().toLowerCase()

function unitResolver(units: UnitRef[]) {
  const byPath = new Map(units.map((u) => [`${fold(u.building)}/${fold(u.label)}`, u]))
  const byLabel = new Map<string, UnitRef[]>()
  for (const u of units) byLabel.set(fold(u.label), [...(byLabel.get(fold(u.label)) ?? []), u])
  return (text: string): { unitId: string | null } | { error: string } => {
    if (!text.trim()) return { unitId: null }
    const slash = text.lastIndexOf('/')
    if (slash >= 0) {
      const unit = byPath.get(`${fold(text.slice(0, slash))}/${fold(text.slice(slash + 1))}`)
      return unit
        ? { unitId: unit.id }
        : { error: `no unit "${text.trim()}" (write building/label as the units page shows)` }
    }
    const matches = byLabel.get(fold(text)) ?? []
    if (matches.length === 1) return { unitId: matches[0].id }
    if (matches.length === 0) return { error: `no unit labelled "${text.trim()}"` }
    return {
      error: `"${text.trim()}" is a unit in ${matches.length} buildings; write building/label (e.g. ${matches[0].building}/${matches[0].label})`,
    }
  }
}

function headerOf(cells: string[]): { columns: (Column | null)[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = []
  const seen = new Set<string>()
  const columns = cells.map((cell, n) => {
    const name = IMPORT_COLUMNS.find((c) => c.toLowerCase() === cell.trim().toLowerCase()) ?? null
    if (!name) {
      errors.push({
        row: 1,
        field: cell.trim() || `column ${n + 1}`,
        message: `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}`,
      })
    } else if (seen.has(name)) {
      errors.push({ row: 1, field: name, message: 'this column appears twice' })
    }
    if (name) seen.add(name)
    return name
  })
  if (!seen.has('name')) errors.push({ row: 1, field: 'name', message: 'the header must name a "name" column' })
  return { columns, errors }
}

/** The first issue of a field's validator, without the "field:" prefix the JSON API's messages carry. */
function check<T>(schema: z.ZodType<T>, value: string, field: string, issues: ImportIssue[], row: number) {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const message = result.error.issues[0]?.message ?? 'invalid'
  issues.push({ row, field, message: message.replace(new RegExp(`^${field}: `), '') })
  return undefined
}

export function checkImport(csv: string, units: UnitRef[], existing: ExistingResident[]): CheckedImport {
  const parsed = parseCsv(csv, MAX_RECORDS)
  if (!parsed.ok)
    return { rows: 0, valid: [], errors: [{ row: parsed.row, field: 'file', message: parsed.message }], warnings: [] }
  const [header, ...body] = parsed.records
  if (!header || isBlankRecord(header.cells)) {
    return {
      rows: 0,
      valid: [],
      errors: [{ row: 1, field: 'file', message: `the first line must be the header (${IMPORT_COLUMNS.join(',')})` }],
      warnings: [],
    }
  }
  const records = body.filter((r) => !isBlankRecord(r.cells))
  if (parsed.truncated || records.length > MAX_IMPORT_ROWS) {
    return {
      rows: records.length,
      valid: [],
      errors: [{ row: 0, field: 'file', message: `at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows per file` }],
      warnings: [],
    }
  }
  const { columns, errors } = headerOf(header.cells)
  const warnings: ImportIssue[] = []
  if (errors.length) return { rows: records.length, valid: [], errors, warnings }
  if (records.length === 0) {
    return {
      rows: 0,
      valid: [],
      errors: [{ row: 2, field: 'file', message: 'no resident rows after the header' }],
      warnings,
    }
  }

  const resolveUnit = unitResolver(units)
  const known = new Set(existing.map((r) => `${fold(r.name)}|${r.unitId ?? ''}`))
  const firstRowOf = new Map<string, number>()
  const valid: ImportRow[] = []
  for (const { row, cells } of records) {
    const issues: ImportIssue[] = []
    if (cells.length > columns.length) {
      issues.push({
        row,
        field: 'file',
        message: `${cells.length} cells, but the header names ${columns.length} columns`,
      })
    }
    const cell = (column: Column) => cells[columns.indexOf(column)] ?? ''
    for (const column of IMPORT_COLUMNS) {
      if (column !== 'phone' && FORMULA_START.test(cell(column))) {
        warnings.push({
          row,
          field: column,
          message: 'starts like a spreadsheet formula; stored as text, never evaluated',
        })
      }
    }
    const text = <T>(column: Column, schema: z.ZodType<T>) =>
      cell(column).trim() === '' ? null : (check(schema, cell(column), column, issues, row) ?? null)

    const name = check(residentNameSchema, cell('name'), 'name', issues, row)
    const unit = resolveUnit(cell('unit'))
    if ('error' in unit) issues.push({ row, field: 'unit', message: unit.error })
    const kindText = cell('kind').trim().toLowerCase()
    const kind = kindText ? check(residentKindSchema, kindText, 'kind', issues, row) : 'owner'
    const phone = text('phone', phoneSchema)
    const email = text('email', emailSchema)
    const notes = text('notes', notesSchema)
    const validFrom = text('validFrom', validityBound('validFrom'))
    const validUntil = text('validUntil', validityBound('validUntil'))
    if (!validityInOrder(validFrom, validUntil)) {
      issues.push({ row, field: 'validUntil', message: VALIDITY_ORDER_MESSAGE.replace(/^validUntil: /, '') })
    }

    if (name !== undefined && 'unitId' in unit) {
      const key = `${fold(name)}|${unit.unitId ?? ''}`
      const first = firstRowOf.get(key)
      if (first !== undefined)
        issues.push({ row, field: 'name', message: `duplicate of row ${first} (same name and unit)` })
      else firstRowOf.set(key, row)
      if (known.has(key))
        warnings.push({ row, field: 'name', message: 'a resident with this name already lives in this unit' })
    }
    errors.push(...issues)
    if (issues.length === 0 && name !== undefined && kind !== undefined && 'unitId' in unit) {
      valid.push({ row, name, unitId: unit.unitId, kind, phone, email, notes, validFrom, validUntil })
    }
  }
  return { rows: records.length, valid, errors, warnings }
}
