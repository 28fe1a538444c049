// POST /api/residents/import: a CSV file of residents (text/csv body, or a multipart form's `file`), at most 1 MB
// and 5,000 rows. `dryRun` answers the report and writes nothing. Otherwise the file is imported all or nothing:
// one change creates every row (with the audit row and the broadcasts), and a file with any invalid row is
// refused with the same report, so nothing of it is written.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { AppError, badRequest, invalidField } from '@/lib/errors'
import { checkImport, type CheckedImport } from '@/lib/residents/import-rows'
import { auditActorOf, freshExternalIds, insertResidents } from '@/lib/residents/mutations'
import type { ImportReport } from '@/lib/residents/schema'

export const MAX_IMPORT_BYTES = 1024 * 1024
/** Room for the multipart envelope around a file of the maximum size. */
const MAX_MULTIPART_BYTES = MAX_IMPORT_BYTES + 16 * 1024

const tooLarge = () =>
  new AppError('payload_too_large', 'The file is larger than 1 MB; split it into smaller files', 413)

/** The body's bytes, refused as soon as they pass `limit` (a lying or absent Content-Length changes nothing). */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) throw tooLarge()
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw invalidField('file: not UTF-8 text (save the CSV as UTF-8)', { path: 'file', reason: 'not_utf8' })
  }
}

/** The CSV text of the request, whichever way it was sent. */
export async function csvOfRequest(request: Request): Promise<string> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'text/csv' || type === 'text/plain' || type === 'application/csv') {
    return decodeUtf8(await readCapped(request, MAX_IMPORT_BYTES))
  }
  if (type === 'multipart/form-data') {
    const bytes = await readCapped(request, MAX_MULTIPART_BYTES)
    const form = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } })
      .formData()
      .catch(() => {
        throw badRequest('body: not a readable multipart form')
      })
    const file = form.get('file')
    if (!file || typeof file === 'string')
      throw invalidField('file: attach the CSV as the form field "file"', { path: 'file', reason: 'required' })
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge()
    return decodeUtf8(new Uint8Array(await file.arrayBuffer()))
  }
  throw new AppError(
    'unsupported_media_type',
    'Send the CSV as text/csv, or as the "file" field of a multipart form',
    415,
  )
}

async function checkAgainstRegister(db: Db, csv: string): Promise<CheckedImport> {
  const [units, existing] = await Promise.all([
    db.unit.findMany({ select: { id: true, label: true, building: { select: { name: true } } } }),
    db.resident.findMany({ where: { status: { not: 'erased' } }, select: { name: true, unitId: true } }),
  ])
  return checkImport(
    csv,
    units.map((u) => ({ id: u.id, label: u.label, building: u.building.name })),
    existing,
  )
}

const reportOf = (checked: CheckedImport, dryRun: boolean, created: number): ImportReport => ({
  dryRun,
  valid: checked.errors.length === 0,
  rows: checked.rows,
  created,
  errors: checked.errors,
  warnings: checked.warnings,
})

export async function importResidents(
  db: Db,
  actor: Actor,
  csv: string,
  options: { dryRun: boolean },
  context: AuditContext,
): Promise<ImportReport> {
  const checked = await checkAgainstRegister(db, csv)
  if (options.dryRun) return reportOf(checked, true, 0)
  if (checked.errors.length > 0) {
    const report = reportOf(checked, false, 0)
    const rows = new Set(checked.errors.map((e) => e.row)).size
    throw new AppError(
      'import_invalid',
      `Nothing was imported: ${checked.errors.length} problem(s) in ${rows} row(s); fix them and import again`,
      422,
      { report },
    )
  }
  return runChange(db, async ({ tx, audit }) => {
    // A unit removed behind the check's back fails its foreign key here, and the whole import rolls back.
    const externalIds = await freshExternalIds(tx, checked.valid.length)
    const ids = await insertResidents(
      tx,
      checked.valid.map(({ row: _row, ...resident }, n) => ({ ...resident, externalId: externalIds[n] })),
    )
    // No `resident.updated` per row: consoles patch the residents they already show, and these are in no one's
    // cache yet (the importing console refetches its lists); thousands of outbox rows would only hold the writer.
    audit({
      actor: auditActorOf(actor),
      action: 'resident.imported',
      targetType: 'resident',
      details: { rows: checked.rows, created: ids.length, warnings: checked.warnings.length },
      context,
    })
    return reportOf(checked, false, ids.length)
  })
}
