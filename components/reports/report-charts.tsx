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
import { useEffect, useMemo, useRef } from 'react'
import { METHOD_LABELS } from '@/components/access/access-labels'
import type { AccessReport } from '@/lib/reports/schema'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

function BarChart({
  label,
  labels,
  entries,
  refused,
  horizontal = false,
  testId,
}: {
  label: string
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
          { label: 'Entries', data: entries, backgroundColor: token('--ok', '#1a7f37'), stack: 'all' },
          { label: 'Refused', data: refused, backgroundColor: token('--danger', '#cf222e'), stack: 'all' },
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
  }, [labels, entries, refused, horizontal])
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
  // One set of arrays per report: a chart is redrawn when its data changes, not on every render.
  const series = useMemo(
    () => ({
      days: {
        labels: report.byDay.map((d) => d.date),
        entries: report.byDay.map((d) => d.entries),
        refused: report.byDay.map((d) => d.refused),
      },
      methods: {
        labels: report.byMethod.map((m) => METHOD_LABELS[m.method]),
        entries: report.byMethod.map((m) => m.entries),
        refused: report.byMethod.map((m) => m.refused),
      },
      doors: {
        labels: report.byDoor.map((d) => d.deviceName ?? 'Unknown door'),
        entries: report.byDoor.map((d) => d.entries),
        refused: report.byDoor.map((d) => d.refused),
      },
    }),
    [report],
  )
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <BarChart
          label={`Entries and refused attempts per day (${report.timeZone})`}
          {...series.days}
          testId="chart-by-day"
        />
      </div>
      <BarChart label="By method" {...series.methods} testId="chart-by-method" />
      <BarChart label="By door" {...series.doors} horizontal testId="chart-by-door" />
    </div>
  )
}
