// The two kinds of list the console reads: newest-first lists paged by the server's opaque cursor, and short
// lists that come in one page. Both return what ListPage shows.
import { useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { ListSource } from '@/components/ui/list-page'
import type { PageParams } from '@/lib/http/api-paths'
import type { Page } from '@/lib/http/page'

export function useCursorList<T>(queryKey: QueryKey, loadPage: (page: PageParams) => Promise<Page<T>>): ListSource<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => loadPage({ cursor: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data])
  return {
    rows,
    status: query.status,
    error: query.error,
    refetch: query.refetch,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: query.fetchNextPage,
  }
}

export function useSinglePageList<T>(
  queryKey: QueryKey,
  load: () => Promise<Page<T>>,
  options: { retry?: boolean } = {},
): ListSource<T> {
  const query = useQuery({ queryKey, queryFn: load, ...options })
  const rows = useMemo(() => query.data?.items ?? [], [query.data])
  return { rows, status: query.status, error: query.error, refetch: query.refetch }
}
