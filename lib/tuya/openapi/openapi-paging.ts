// page_no paging shared by the lock and access-control log APIs (docs/tuya-devices.md §2.2, §2.3, §2.8).

export type PageResult<T> = { items: T[]; hasMore: boolean }

/**
 * Yields every item, page by page, starting at page_no 1. Stops on has_more=false, an empty page, or
 * `maxPages` (a guard against a server that always says has_more).
 */
export async function* iteratePages<T>(
  fetchPage: (pageNo: number) => Promise<PageResult<T>>,
  { maxPages = 10_000 }: { maxPages?: number } = {},
): AsyncGenerator<T> {
  for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
    const page = await fetchPage(pageNo)
    yield* page.items
    if (!page.hasMore || page.items.length === 0) return
  }
}

/** has_more when the API only returns `total` (legacy open logs). */
export function hasMoreByTotal(pageNo: number, pageSize: number, total: number | undefined, received: number): boolean {
  if (total === undefined) return received >= pageSize
  return pageNo * pageSize < total
}

export type TimeRange = { startTime: number; endTime: number }
