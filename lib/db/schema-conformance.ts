// Proves a migrated database matches prisma/schema.prisma without Prisma's migrate engine: parses the
// schema's models (scalar fields, optionality, unique/index declarations) and compares them with what
// the database reports (SQLite PRAGMAs / PostgreSQL information_schema).
import type { Db, DbProvider } from '@/lib/db/client'

export type SchemaModel = {
  name: string
  columns: Map<string, { optional: boolean }>
  /** Column lists that must be covered by a unique index. */
  uniques: string[][]
  /** Column lists that must be covered by some index. */
  indexes: string[][]
}

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes'])

export function parsePrismaModels(schema: string): SchemaModel[] {
  const models: SchemaModel[] = []
  const blocks = schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)
  for (const [, name, body] of blocks) {
    const model: SchemaModel = { name, columns: new Map(), uniques: [], indexes: [] }
    for (const rawLine of body.split('\n')) {
      const line = rawLine.replace(/\/\/.*$/, '').trim()
      if (!line) continue
      const block = line.match(/^@@(unique|index|id)\(\[([^\]]+)\]/)
      if (block) {
        const cols = block[2].split(',').map((c) => c.trim().replace(/\(.*\)$/, ''))
        ;(block[1] === 'index' ? model.indexes : model.uniques).push(cols)
        continue
      }
      const field = line.match(/^(\w+)\s+(\w+)(\?|\[\])?(.*)$/)
      if (!field || !SCALARS.has(field[2]) || field[3] === '[]') continue
      model.columns.set(field[1], { optional: field[3] === '?' })
      if (/@unique\b|@id\b/.test(field[4])) model.uniques.push([field[1]])
    }
    models.push(model)
  }
  return models
}

export type DbColumn = { name: string; nullable: boolean }
type DbIndex = { columns: string[]; unique: boolean }

/** The columns a migrated table actually has (SQLite PRAGMA table_info / PostgreSQL information_schema). */
export async function readTableColumns(db: Db, provider: DbProvider, table: string): Promise<DbColumn[]> {
  if (provider === 'sqlite') {
    const cols = await db.$queryRawUnsafe<{ name: string; notnull: bigint | number; pk: bigint | number }[]>(
      `PRAGMA table_info("${table}")`,
    )
    return cols.map((c) => ({ name: c.name, nullable: Number(c.notnull) === 0 && Number(c.pk) === 0 }))
  }
  const cols = await db.$queryRawUnsafe<{ column_name: string; is_nullable: string }[]>(
    `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    table,
  )
  return cols.map((c) => ({ name: c.column_name, nullable: c.is_nullable === 'YES' }))
}

async function describeTable(db: Db, provider: DbProvider, table: string) {
  const columns = await readTableColumns(db, provider, table)
  if (provider === 'sqlite') {
    const list = await db.$queryRawUnsafe<{ name: string; unique: bigint | number }[]>(`PRAGMA index_list("${table}")`)
    const indexes: DbIndex[] = []
    for (const index of list) {
      const info = await db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA index_info("${index.name}")`)
      indexes.push({ columns: info.map((i) => i.name), unique: Number(index.unique) === 1 })
    }
    const pk = (await db.$queryRawUnsafe<{ name: string; pk: bigint | number }[]>(`PRAGMA table_info("${table}")`))
      .filter((c) => Number(c.pk) > 0)
      .map((c) => c.name)
    if (pk.length) indexes.push({ columns: pk, unique: true })
    return { columns, indexes }
  }
  const idx = await db.$queryRawUnsafe<{ indexdef: string }[]>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
    table,
  )
  return {
    columns,
    indexes: idx.map((i): DbIndex => {
      const inner = i.indexdef.match(/\((.*)\)\s*$/)?.[1] ?? ''
      return {
        columns: inner.split(',').map((c) =>
          c
            .trim()
            .replace(/"/g, '')
            .replace(/\s+(ASC|DESC)$/i, ''),
        ),
        unique: /CREATE UNIQUE/i.test(i.indexdef),
      }
    }),
  }
}

/** Every difference between the schema and the database, as readable lines; empty when they match. */
export async function compareDatabaseWithSchema(db: Db, provider: DbProvider, schema: string): Promise<string[]> {
  const problems: string[] = []
  for (const model of parsePrismaModels(schema)) {
    const table = await describeTable(db, provider, model.name)
    if (table.columns.length === 0) {
      problems.push(`${model.name}: table missing`)
      continue
    }
    const dbColumns = new Map(table.columns.map((c) => [c.name, c]))
    for (const [name, { optional }] of model.columns) {
      const column = dbColumns.get(name)
      if (!column) problems.push(`${model.name}.${name}: column missing`)
      else if (column.nullable !== optional)
        problems.push(`${model.name}.${name}: nullable=${column.nullable}, schema optional=${optional}`)
    }
    for (const column of table.columns) {
      if (!model.columns.has(column.name)) problems.push(`${model.name}.${column.name}: column not in schema`)
    }
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i])
    for (const cols of model.uniques) {
      if (!table.indexes.some((i) => i.unique && same(i.columns, cols)))
        problems.push(`${model.name}: no unique index on (${cols})`)
    }
    for (const cols of model.indexes) {
      if (!table.indexes.some((i) => same(i.columns, cols))) problems.push(`${model.name}: no index on (${cols})`)
    }
  }
  return problems
}
