// The one Prisma client of the process, created lazily (`next build` imports route modules) and kept on
// globalThis: server.ts and Next's route bundles load separate module graphs but must share one pool.
// Two clients are generated (SQLite and PostgreSQL); the URL picks one at run time, so one build serves both.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { getEnv } from '@/lib/env'
import { PrismaClient as PostgresClient } from './generated/postgres/client'
import { Prisma, PrismaClient as SqliteClient } from './generated/sqlite/client'

/**
 * Both generated clients expose the same models; code is typed against the SQLite one. Also a value: the
 * generated `<Model>ScalarFieldEnum` objects list each model's columns at run time (SQL built from the model).
 */
export { Prisma as DbModel }
export type Db = SqliteClient
export type DbProvider = 'sqlite' | 'postgresql'

export function providerOf(databaseUrl: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite'
}

export function sqlitePathOf(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, '').replace(/\?.*$/, ''))
}

export type CreateDbOptions = { databaseUrl: string; sqliteSynchronous?: 'FULL' | 'NORMAL'; poolSize?: number }

/** Which database each client speaks, for the few statements that differ (on globalThis: see getDb). */
const providers = ((globalThis as { __dbProviders?: WeakMap<object, DbProvider> }).__dbProviders ??= new WeakMap())

/** The provider of a client made by createDb (undefined for any other object). */
export function providerOfDb(db: Db): DbProvider | undefined {
  return providers.get(db)
}

/** The driver adapter factory each client was made with (on globalThis: see getDb); bulk-read.ts connects it. */
const adapterFactories = ((globalThis as { __dbAdapters?: WeakMap<object, DriverAdapterFactory> }).__dbAdapters ??=
  new WeakMap())

export type DriverAdapterFactory = PrismaBetterSqlite3 | PrismaPg

export function adapterFactoryOf(db: Db): DriverAdapterFactory | undefined {
  return adapterFactories.get(db)
}

/** A new client for a database URL. Tests and tools use it directly; the app uses getDb(). */
export function createDb({ databaseUrl, poolSize }: CreateDbOptions): Db {
  if (providerOf(databaseUrl) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize ?? 10 })
    const client = new PostgresClient({ adapter }) as unknown as Db
    providers.set(client, 'postgresql')
    adapterFactories.set(client, adapter)
    return client
  }
  const file = sqlitePathOf(databaseUrl)
  mkdirSync(path.dirname(file), { recursive: true })
  // busy timeout: the migration runner and tools may hold the file briefly.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 })
  const client = new SqliteClient({ adapter })
  providers.set(client, 'sqlite')
  adapterFactories.set(client, adapter)
  return client
}

/**
 * Per-connection SQLite settings. WAL lets readers run beside the single writer. synchronous=FULL fsyncs every
 * commit (an acknowledged event survives a power cut); NORMAL survives a process crash only (README "Durability").
 * secure_delete overwrites deleted content with zeros, so an erased resident's photos do not linger in free pages
 * (docs/resident-register.md "Erasure").
 */
export async function configureSqlite(db: Db, synchronous: 'FULL' | 'NORMAL'): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe(`PRAGMA synchronous = ${synchronous}`)
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON')
}

const store = globalThis as unknown as { __db?: Db; __dbReady?: Promise<Db> }

/** The process-wide client, configured from the environment on first use. */
export function getDb(): Db {
  if (!store.__db) {
    const env = getEnv()
    store.__db = createDb({ databaseUrl: env.databaseUrl })
    if (env.databaseProvider === 'sqlite') {
      const db = store.__db
      store.__dbReady = configureSqlite(db, env.sqliteSynchronous).then(() => db)
    }
  }
  return store.__db
}

/** Resolves once per-connection settings are applied; server.ts awaits it before accepting traffic. */
export async function readyDb(): Promise<Db> {
  const db = getDb()
  if (store.__dbReady) await store.__dbReady
  return db
}

export async function disconnectDb(): Promise<void> {
  const db = store.__db
  store.__db = undefined
  store.__dbReady = undefined
  await db?.$disconnect()
}

/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Tx = Prisma.TransactionClient

/** Parameterised raw SQL (placeholders adapt to the provider): `db.$queryRaw(sql\`… ${value}\`)`. */
export const sql = Prisma.sql
export const joinSql = Prisma.join
export const emptySql = Prisma.empty
export type Sql = Prisma.Sql
/** A statement from its text pieces and the values between them (pieces.length = values.length + 1). */
export const sqlOf = (pieces: readonly string[], values: readonly unknown[]): Sql => new Prisma.Sql(pieces, values)

/** A model's row as code writes it: every column, the nullable ones optional (absent is stored as NULL). */
export type DbRow<Model> = { [K in keyof Model as null extends Model[K] ? never : K]: Model[K] } & {
  [K in keyof Model as null extends Model[K] ? K : never]?: Model[K]
}
