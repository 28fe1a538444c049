// One shape for every list screen: header, filters, the rows (a table or a list), and the states around them —
// loading, empty, failed (rows already shown stay, e.g. when "Load more" fails) — with "Load more" keyset paging
// when the server says there is more.
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'

/** What a list screen needs of its query (the data layer's list hooks return this). */
export type ListSource<T> = {
  rows: T[]
  status: 'pending' | 'error' | 'success'
  error: Error | null
  refetch: () => unknown
  hasNextPage?: boolean
  isFetchingNextPage?: boolean
  fetchNextPage?: () => unknown
}

export function ListPage<T>({
  source,
  title,
  description,
  filters,
  empty,
  moreLabel,
  footer,
  children,
}: {
  source: ListSource<T>
  title?: string
  description?: ReactNode
  filters?: ReactNode
  empty: ReactNode
  moreLabel?: string
  footer?: ReactNode
  children: (rows: T[]) => ReactNode
}) {
  const t = useTranslations('list')
  const errorMessage = useErrorMessage()
  const { rows, status } = source
  return (
    <section aria-label={title} className="space-y-4">
      {title ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 className="text-lg font-semibold">{title}</h2>
            {description && <p className="text-sm text-muted">{description}</p>}
          </div>
          {filters}
        </div>
      ) : (
        filters
      )}
      {status === 'pending' && (
        <p role="status" className="px-1 py-4 text-sm text-muted">
          {t('loading')}
        </p>
      )}
      {status === 'error' && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-danger/40 p-4 text-sm">
          <span className="text-danger">{source.error ? errorMessage(source.error) : t('failed')}</span>
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => source.refetch()}>
            {t('retry')}
          </Button>
        </div>
      )}
      {rows.length > 0 ? children(rows) : status === 'success' && empty}
      {source.hasNextPage && source.fetchNextPage && (
        <Button variant="secondary" onClick={() => source.fetchNextPage?.()} disabled={source.isFetchingNextPage}>
          {moreLabel ?? t('more')}
        </Button>
      )}
      {footer}
    </section>
  )
}
