'use client'

// CSV import: the admin picks a file, the server checks it (a dry run: nothing written) and the report shows
// every problem by row and column; "Import" appears only for a file without problems, and imports all of it or
// nothing.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useImportResidents } from '@/components/data/resident-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import type { ImportIssue, ImportReport } from '@/lib/residents/schema'

/** The file's column names: part of the format, the same in every language. */
const COLUMNS = 'name, unit, kind, phone, email, validFrom, validUntil, notes'

function IssueTable({ title, issues, testId }: { title: string; issues: ImportIssue[]; testId: string }) {
  const t = useTranslations('residents.import')
  if (issues.length === 0) return null
  return (
    <div className="space-y-1">
      <h3 className={`text-sm font-medium ${testId === 'import-errors' ? 'text-danger' : 'text-warn'}`}>{title}</h3>
      <div className="max-h-72 overflow-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm" data-testid={testId}>
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th className="px-3 py-2">{t('row')}</th>
              <th className="px-3 py-2">{t('column')}</th>
              <th className="px-3 py-2">{t('problem')}</th>
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
  const t = useTranslations('residents.import')
  const errorMessage = useErrorMessage()
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
      setError(errorMessage(e))
      // Refused on import (the register changed since the check): show what is wrong now.
      if (!dryRun) setReport(await run.mutateAsync({ file, dryRun: true }).catch(() => null))
    }
  }

  const checked = report?.dryRun ? report : null
  const imported = report && !report.dryRun ? report : null
  return (
    <section aria-label={t('title')} className="space-y-4 rounded-xl border border-border bg-panel p-4">
      <div className="space-y-1 text-sm text-muted">
        <h2 className="text-lg font-semibold text-text">{t('title')}</h2>
        <p>
          {t('lead')} <span className="font-mono">{COLUMNS}</span>
        </p>
        <p>{t('unitHint')}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label={t('file')}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setReport(null)
            setError(null)
          }}
          className="text-sm"
        />
        <Button variant="secondary" disabled={!file || run.isPending} onClick={() => send(true)}>
          {t('check')}
        </Button>
        {checked?.valid && (
          <Button disabled={run.isPending} onClick={() => send(false)}>
            {t('run', { count: checked.rows })}
          </Button>
        )}
        <Button variant="ghost" onClick={onClose}>
          {t('close')}
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
            ? t('ready', { count: checked.rows })
            : t('problems', { count: checked.errors.length, rows: checked.rows })}
        </p>
      )}
      {imported && (
        <p role="status" className="text-sm text-ok">
          {t('done', { count: imported.created })}
        </p>
      )}
      {report && <IssueTable title={t('errorsTitle')} issues={report.errors} testId="import-errors" />}
      {report && <IssueTable title={t('warningsTitle')} issues={report.warnings} testId="import-warnings" />}
    </section>
  )
}
