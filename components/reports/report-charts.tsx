'use client'

// The report's charts, drawn with Chart.js (4.6.1, tree-shaken to bar charts: about 60 KB gzipped). This module is
// loaded with import() by the reports page only, so no other page carries the library. Colours come from the
// theme's tokens; the canvases are redrawn at print resolution before printing.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js'
import { useTranslations } from 'next-intl'
import { useEffect, useMemo, useRef } from 'react'
import type { AccessReport } from '@/lib/reports/schema'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

type Series = { entries: string; refused: string }

function BarChart({
  label,
  names,
  labels,
  entries,
  refused,
  horizontal = false,
  testId,
}: {
  label: string
  /** The two datasets' names, in the page's language. */
  names: Series
  labels: string[]
  entries: number[]
  refused: number[]
  horizontal?: boolean
  testId: string
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current) return
    const text = token('--muted', '#666')
    const grid = token('--border', '#ccc')
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: names.entries, data: entries, backgroundColor: token('--ok', '#1a7f37'), stack: 'all' },
          { label: names.refused, data: refused, backgroundColor: token('--danger', '#cf222e'), stack: 'all' },
        ],
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        // Sharp when printed: the canvas is drawn at twice the screen's resolution.
        devicePixelRatio: Math.max(2, window.devicePixelRatio),
        plugins: { legend: { labels: { color: text } } },
        scales: {
          x: { stacked: true, ticks: { color: text }, grid: { color: grid } },
          y: { stacked: true, ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
        },
      },
    }
    const chart = new Chart(canvas.current, config)
    const beforePrint = () => chart.resize()
    window.addEventListener('beforeprint', beforePrint)
    return () => {
      window.removeEventListener('beforeprint', beforePrint)
      chart.destroy()
    }
  }, [names, labels, entries, refused, horizontal])
  return (
    <figure className="report-section space-y-2">
      <figcaption className="text-sm font-medium">{label}</figcaption>
      <div className="relative h-64">
        <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
      </div>
    </figure>
  )
}

export default function ReportCharts({ report }: { report: AccessReport }) {
  const t = useTranslations('reports')
  const methods = useTranslations('accessView.methods')
  // One set of arrays per report: a chart is redrawn when its data changes, not on every render.
  const series = useMemo(
    () => ({
      names: { entries: t('seriesEntries'), refused: t('seriesRefused') },
      days: {
        labels: report.byDay.map((d) => d.date),
        entries: report.byDay.map((d) => d.entries),
        refused: report.byDay.map((d) => d.refused),
      },
      methods: {
        labels: report.byMethod.map((m) => methods(m.method)),
        entries: report.byMethod.map((m) => m.entries),
        refused: report.byMethod.map((m) => m.refused),
      },
      doors: {
        labels: report.byDoor.map((d) => d.deviceName ?? t('unknownDoor')),
        entries: report.byDoor.map((d) => d.entries),
        refused: report.byDoor.map((d) => d.refused),
      },
    }),
    [report, t, methods],
  )
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <BarChart
          label={t('byDay', { zone: report.timeZone })}
          names={series.names}
          {...series.days}
          testId="chart-by-day"
        />
      </div>
      <BarChart label={t('byMethod')} names={series.names} {...series.methods} testId="chart-by-method" />
      <BarChart label={t('byDoor')} names={series.names} {...series.doors} horizontal testId="chart-by-door" />
    </div>
  )
}
