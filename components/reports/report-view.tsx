'use client'

// The access report: the access log's filters (the same URL parameters, so a filtered log and its report share a
// link), totals, the weekday × hour grid, the charts (Chart.js, loaded only here), the busiest residents and units,
// and the latest refused attempts with their snapshots. Prints as a clean report (report-print.css).
import dynamic from 'next/dynamic'
import Link from 'next/link'
import { Printer } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { AccessFilters } from '@/components/access/access-filters'
import { apiFiltersOf, useAccessUrlFilters } from '@/components/access/access-url-filters'
import { useDevices } from '@/components/data/device-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { useAccessReport } from '@/components/data/report-queries'
import { Button } from '@/components/ui/button'
import { useFormatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import { REPORT_WEEKDAYS } from '@/lib/reports/report-constants'
import type { AccessReport } from '@/lib/reports/schema'
import { zoneLabel } from '@/lib/time/zoned-time'
import './report-print.css'

function ChartsLoading() {
  const t = useTranslations('reports')
  return <p className="text-sm text-muted">{t('loadingCharts')}</p>
}

const ReportCharts = dynamic(() => import('@/components/reports/report-charts'), {
  ssr: false,
  loading: () => <ChartsLoading />,
})

function Heatmap({ grid }: { grid: number[][] }) {
  const t = useTranslations('reports')
  const max = Math.max(1, ...grid.flat())
  return (
    <figure className="report-section space-y-2">
      <figcaption className="text-sm font-medium">{t('heatmap')}</figcaption>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-[10px]" data-testid="weekday-hour-grid">
          <thead>
            <tr>
              <th />
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} className="w-6 font-normal text-muted">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, d) => (
              <tr key={REPORT_WEEKDAYS[d]}>
                <th className="pr-1 text-left font-normal text-muted">{t(`weekdays.${REPORT_WEEKDAYS[d]}`)}</th>
                {row.map((n, h) => (
                  <td
                    key={h}
                    title={t('heatmapCell', { day: t(`weekdays.${REPORT_WEEKDAYS[d]}`), hour: h, count: n })}
                    className="h-5 w-6 rounded-sm text-center print:border print:border-gray-300"
                    style={{
                      backgroundColor: `color-mix(in srgb, var(--accent) ${Math.round((n / max) * 100)}%, transparent)`,
                    }}
                  >
                    {n > 0 && n === max ? n : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

function Ranking({
  title,
  rows,
  testId,
}: {
  title: string
  rows: { key: string; text: ReactNode; n: number }[]
  testId: string
}) {
  const t = useTranslations('reports')
  const format = useFormatter()
  return (
    <section className="report-section space-y-2">
      <h2 className="text-sm font-medium">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t('none')}</p>
      ) : (
        <ol className="divide-y divide-border rounded-xl border border-border bg-panel text-sm" data-testid={testId}>
          {rows.map((r) => (
            <li key={r.key} className="flex justify-between gap-3 px-3 py-1.5">
              <span>{r.text}</span>
              <span className="tabular-nums">{format.number(r.n)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function RecentRefused({ report }: { report: AccessReport }) {
  const t = useTranslations('reports')
  const methods = useTranslations('accessView.methods')
  const format = useFormatTime()
  if (report.recentRefused.length === 0) return null
  return (
    <section className="report-section space-y-2">
      <h2 className="text-sm font-medium">{t('recentRefused')}</h2>
      <ul className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4 print:grid-cols-4" data-testid="recent-refused">
        {report.recentRefused.map((e) => (
          <li key={e.id} className="flex gap-2 rounded-xl border border-border bg-panel p-2 text-xs">
            <SnapshotThumb
              url={e.snapshotUrl}
              alt={t('refusedAt', { door: e.deviceName ?? t('unknownDoor') })}
              size={48}
            />
            <span>
              <Link href={`/access/${encodeURIComponent(e.id)}`} className="block font-medium hover:underline">
                {format(e.occurredAt)}
              </Link>
              {e.deviceName ?? t('unknownDoor')} · {methods(e.method)}
              <span className="block text-muted">{e.residentName ?? t('unknownPerson')}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function ReportView({ timeZone }: { timeZone: string }) {
  const t = useTranslations('reports')
  const format = useFormatTime()
  const numbers = useFormatter()
  const { filters, setFilters, query } = useAccessUrlFilters()
  const apiFilters = apiFiltersOf(filters, timeZone)
  const devices = useDevices({ retry: false })
  const report = useAccessReport(apiFilters)
  const errorMessage = useErrorMessage()
  const logHref = query ? `/access?${query}` : '/access'
  return (
    <div className="space-y-6" data-print-report>
      <AccessFilters
        filters={filters}
        onChange={setFilters}
        devices={devices.rows}
        timeZoneLabel={zoneLabel(timeZone)}
        actions={
          <>
            <Link href={logHref} className="rounded-md border border-border px-3 py-2 text-sm hover:border-accent">
              {t('accessLog')}
            </Link>
            <Button variant="secondary" onClick={() => window.print()}>
              <Printer size={14} aria-hidden /> {t('print')}
            </Button>
          </>
        }
      />
      {report.status === 'pending' && <p role="status">{t('loading')}</p>}
      {report.status === 'error' && <p role="alert">{errorMessage(report.error)}</p>}
      {report.data && (
        <div className="space-y-6" data-testid="access-report" aria-busy={report.isFetching}>
          <section className="report-section grid gap-4 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3">
            <p className="text-sm text-muted sm:col-span-3">
              {t('period', {
                from: report.data.from ? format(report.data.from) : t('fromStart'),
                to: report.data.to ? format(report.data.to) : t('now'),
                zone: zoneLabel(report.data.timeZone),
              })}
            </p>
            <p>
              <span className="block text-2xl font-semibold" data-testid="total-entries">
                {numbers.number(report.data.totals.entries)}
              </span>
              <span className="text-sm text-muted">{t('entries')}</span>
            </p>
            <p>
              <span className="block text-2xl font-semibold text-danger" data-testid="total-refused">
                {numbers.number(report.data.totals.refused)}
              </span>
              <span className="text-sm text-muted">{t('refusedAttempts')}</span>
            </p>
          </section>
          <Heatmap grid={report.data.entriesByWeekdayHour} />
          <ReportCharts report={report.data} />
          <div className="grid gap-6 md:grid-cols-2">
            <Ranking
              title={t('busiestResidents')}
              testId="busiest-residents"
              rows={report.data.busiestResidents.map((r) => ({
                key: r.residentId,
                text: r.unit ? t('residentWithUnit', { name: r.name, unit: r.unit }) : r.name,
                n: r.entries,
              }))}
            />
            <Ranking
              title={t('busiestUnits')}
              testId="busiest-units"
              rows={report.data.busiestUnits.map((u) => ({ key: u.unit, text: u.unit, n: u.entries }))}
            />
          </div>
          <RecentRefused report={report.data} />
        </div>
      )}
    </div>
  )
}
