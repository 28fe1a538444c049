'use client'

// CSV import: the admin picks a file, the server checks it (a dry run: nothing written) and the report shows
// every problem by row and column; "Import" appears only for a file without problems, and imports all of it or
// nothing.
import { useState } from 'react'
import { useImportResidents } from '@/components/data/resident-queries'
import { Button } from '@/components/ui/button'
import type { ImportIssue, ImportReport } from '@/lib/residents/schema'

const COLUMNS = 'name, unit, kind, phone, email, validFrom, validUntil, notes'

function IssueTable({ title, issues, tone }: { title: string; issues: ImportIssue[]; tone: 'danger' | 'warn' }) {
  if (issues.length === 0) return null
  return (
    <div className="space-y-1">
      <h3 className={`text-sm font-medium ${tone === 'danger' ? 'text-danger' : 'text-warn'}`}>{title}</h3>
      <div className="max-h-72 overflow-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm" data-testid={`import-${tone === 'danger' ? 'errors' : 'warnings'}`}>
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th className="px-3 py-2">Row</th>
              <th className="px-3 py-2">Column</th>
              <th className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {issues.map((issue, n) => (
              <tr key={n}>
                <td className="px-3 py-1.5 tabular-nums">{issue.row || '—'}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{issue.field}</td>
                <td className="px-3 py-1.5">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

export function ImportPanel({ onClose }: { onClose: () => void }) {
  const run = useImportResidents()
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function send(dryRun: boolean) {
    if (!file) return
    setError(null)
    try {
      setReport(await run.mutateAsync({ file, dryRun }))
    } catch (e) {
      setError((e as Error).message)
      // Refused on import (the register changed since the check): show what is wrong now.
      if (!dryRun) setReport(await run.mutateAsync({ file, dryRun: true }).catch(() => null))
    }
  }

  const checked = report?.dryRun ? report : null
  const imported = report && !report.dryRun ? report : null
  return (
    <section aria-label="Import residents" className="space-y-4 rounded-xl border border-border bg-panel p-4">
      <div>
        <h2 className="text-lg font-semibold">Import residents from CSV</h2>
        <p className="text-sm text-muted">
          UTF-8, a header line, at most 1 MB and 5,000 rows. Columns: <span className="font-mono">{COLUMNS}</span> (only
          name is required). A unit is written as <span className="font-mono">building/label</span>, or as its label
          alone when no other building uses it. The file is checked first; nothing is written until you import it.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setReport(null)
            setError(null)
          }}
          className="text-sm"
        />
        <Button variant="secondary" disabled={!file || run.isPending} onClick={() => send(true)}>
          Check file
        </Button>
        {checked?.valid && (
          <Button disabled={run.isPending} onClick={() => send(false)}>
            Import {checked.rows} resident{checked.rows === 1 ? '' : 's'}
          </Button>
        )}
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {checked && (
        <p role="status" className="text-sm">
          {checked.valid
            ? `${checked.rows} row${checked.rows === 1 ? '' : 's'} ready to import.`
            : `${checked.errors.length} problem${checked.errors.length === 1 ? '' : 's'} found in ${checked.rows} rows: nothing can be imported until they are fixed.`}
        </p>
      )}
      {imported && (
        <p role="status" className="text-sm text-ok">
          Imported {imported.created} resident{imported.created === 1 ? '' : 's'}.
        </p>
      )}
      {report && <IssueTable title="Problems" issues={report.errors} tone="danger" />}
      {report && <IssueTable title="Warnings (imported as written)" issues={report.warnings} tone="warn" />}
    </section>
  )
}
