// Percentiles and plain-text tables for the benchmark reports. Benchmarks print figures; nothing here asserts.

export type Distribution = { n: number; p50: number; p95: number; p99: number; max: number; mean: number }

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export function distributionOf(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean,
  }
}

export const ms = (value: number, digits = 2): string => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '–')
export const perSecond = (value: number): string =>
  Number.isFinite(value) ? `${Math.round(value).toLocaleString('en')}/s` : '–'
export const count = (value: number): string => value.toLocaleString('en')

/** Left-aligned first column, right-aligned figures. */
export function formatTable(title: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  const rule = widths.map((w) => '─'.repeat(w)).join('  ')
  return [``, title, line(headers), rule, ...rows.map(line)].join('\n')
}

/** One line of the run-all summary. */
export type SummaryRow = {
  metric: string
  ours: string
  target: string
  baseline: string
  verdict: 'meets' | 'MISSES' | 'info'
}

export function verdict(ok: boolean): SummaryRow['verdict'] {
  return ok ? 'meets' : 'MISSES'
}

export function formatSummary(rows: readonly SummaryRow[]): string {
  return formatTable(
    'Summary (targets: README "Performance")',
    ['metric', 'ours', 'target', 'baseline (same run)', 'verdict'],
    rows.map((r) => [r.metric, r.ours, r.target, r.baseline, r.verdict]),
  )
}
