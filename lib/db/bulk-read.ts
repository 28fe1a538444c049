// Bulk reads (the CSV export's millions of rows) through a connection of the client's own driver adapter, without
// Prisma's result mapping: rows come back as the driver's arrays, which costs a third of what $queryRaw's objects
// do per row (bench/access-log.ts). Statements are Prisma.Sql (the `sql` tag), so values are bound, never spliced,
// and go through the adapter's own argument conversion exactly as model queries' do (a Date becomes the text SQLite
// stores, or a UTC timestamp on PostgreSQL). One connection per bulk read, closed when the reader is done.
import { adapterFactoryOf, providerOfDb, type Db, type DbProvider, type Sql } from '@/lib/db/client'

type ArgType = { scalarType: 'string' | 'int' | 'float' | 'boolean' | 'datetime' | 'unknown'; arity: 'scalar' }

/** The part of Prisma's SqlDriverAdapter a bulk read uses. */
type AdapterConnection = {
  queryRaw(query: { sql: string; args: unknown[]; argTypes: ArgType[] }): Promise<{ rows: unknown[][] }>
  dispose(): Promise<void>
}

export type BulkConnection = {
  provider: DbProvider
  /** The statement's rows, each an array of its columns in SELECT order (SQLite integers as numbers). */
  rows(statement: Sql): Promise<unknown[][]>
  close(): Promise<void>
}

function argTypeOf(value: unknown): ArgType {
  if (value instanceof Date) return { scalarType: 'datetime', arity: 'scalar' }
  if (typeof value === 'number') return { scalarType: Number.isInteger(value) ? 'int' : 'float', arity: 'scalar' }
  if (typeof value === 'boolean') return { scalarType: 'boolean', arity: 'scalar' }
  if (typeof value === 'string') return { scalarType: 'string', arity: 'scalar' }
  return { scalarType: 'unknown', arity: 'scalar' }
}

/** A connection of its own for one bulk read of a client made by createDb. */
export async function openBulkConnection(db: Db): Promise<BulkConnection> {
  const factory = adapterFactoryOf(db)
  const provider = providerOfDb(db)
  if (!factory || !provider) throw new Error('openBulkConnection: not a client made by createDb')
  const connection: AdapterConnection = await factory.connect()
  return {
    provider,
    async rows(statement) {
      const args = statement.values
      const text = provider === 'postgresql' ? statement.text : statement.sql
      return (await connection.queryRaw({ sql: text, args, argTypes: args.map(argTypeOf) })).rows
    },
    close: () => connection.dispose(),
  }
}
