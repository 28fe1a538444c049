import type { ReactNode } from 'react'

export type Column<T> = { key: string; header: string; cell: (row: T) => ReactNode; className?: string }

export function DataTable<T>({
  rows,
  columns,
  rowKey,
  testId,
}: {
  rows: T[]
  columns: Column<T>[]
  rowKey: (row: T) => string
  testId?: string
}) {
  return (
    // `relative`: what is positioned inside a row (a screen-reader-only label) scrolls with the table instead of
    // widening the page (WCAG 1.4.10).
    <div className="relative overflow-x-auto rounded-xl border border-border bg-panel">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-border text-xs uppercase tracking-wide text-muted">
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={`px-4 py-3 font-medium ${c.className ?? ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-panel-2">
              {columns.map((c) => (
                <td key={c.key} className={`px-4 py-2.5 align-top ${c.className ?? ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
