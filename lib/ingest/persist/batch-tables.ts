// The tables a batch writes with multi-row INSERTs, as data: the columns each INSERT names, and the columns it
// leaves to the database or to a later writer, each with its reason. batch-sql.ts builds its statements from these
// lists, and batch-tables.test.ts compares them with the migrated tables on SQLite and PostgreSQL, so a column added
// to one of these tables is either written or named here. InboundMessage and AccessEvent write every column of
// the model: their rows are typed from it, so a new nullable column needs no edit here (absent = NULL), and tsc
// asks for a value where one cannot be NULL.
import { DbModel, type DbRow } from '@/lib/db/client'

export type BatchTable<Row> = {
  name: string
  columns: readonly (keyof Row & string)[]
  /** Columns the INSERT leaves out on purpose → why. */
  omitted: Readonly<Record<string, string>>
}
/** Any of them, its columns as plain names (what the coverage test compares with the database). */
export type AnyBatchTable = BatchTable<Record<string, unknown>>

export type InboundRow = DbRow<DbModel.InboundMessageModel>
export type AccessRow = DbRow<DbModel.AccessEventModel>
export type SnapshotRow = Pick<DbModel.SnapshotModel, 'id' | 'source' | 'state' | 'attempts' | 'createdAt'>
export type LiveEventRow = Pick<DbModel.LiveEventModel, 'event' | 'payload' | 'createdAt'>

/** Every column of a model, in schema order, from the generated client. */
const everyColumnOf = <Fields extends Record<string, string>>(fields: Fields) =>
  Object.values(fields) as Fields[keyof Fields][]

export const INBOUND_TABLE: BatchTable<InboundRow> = {
  name: 'InboundMessage',
  columns: everyColumnOf(DbModel.InboundMessageScalarFieldEnum),
  omitted: {},
}

export const ACCESS_TABLE: BatchTable<AccessRow> = {
  name: 'AccessEvent',
  columns: everyColumnOf(DbModel.AccessEventScalarFieldEnum),
  omitted: {},
}

const FETCHER = 'written by the snapshot fetcher (lib/snapshots) once the image is downloaded'

export const SNAPSHOT_TABLE: BatchTable<SnapshotRow> = {
  name: 'Snapshot',
  columns: ['id', 'source', 'state', 'attempts', 'createdAt'],
  omitted: {
    contentType: FETCHER,
    data: FETCHER,
    thumbnail: FETCHER,
    size: FETCHER,
    storedAt: FETCHER,
    error: 'written by the snapshot fetcher when a download fails',
    nextAttemptAt: 'written by the snapshot fetcher when it schedules a retry',
  },
}

export const LIVE_EVENT_TABLE: BatchTable<LiveEventRow> = {
  name: 'LiveEvent',
  columns: ['event', 'payload', 'createdAt'],
  omitted: { seq: 'autoincrement: the database gives each broadcast its order (returned by the INSERT)' },
}

export const BATCH_TABLES: readonly AnyBatchTable[] = [INBOUND_TABLE, SNAPSHOT_TABLE, ACCESS_TABLE, LIVE_EVENT_TABLE]
