'use client'

// A small windowing list for long, fast-growing lists (the live feed at 50 events/s): rows have one fixed height,
// so only the rows in view (plus a few either side) are in the DOM, positioned by their index. Scrolling is read
// once per animation frame. When rows are added above the ones in view and the list is scrolled away from the
// top, the scroll position moves with them, so what the guard is reading stays still.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

export function VirtualList<T>({
  items,
  rowHeight,
  height,
  overscan = 6,
  itemKey,
  renderRow,
  testId,
  label,
}: {
  items: readonly T[]
  rowHeight: number
  /** Height of the scrolling viewport in px. */
  height: number
  overscan?: number
  itemKey(item: T): string
  renderRow(item: T, index: number): ReactNode
  testId?: string
  label: string
}) {
  const viewport = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const frame = useRef<number | null>(null)
  const firstShown = useRef<{ key: string; index: number } | null>(null)

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current)
    },
    [],
  )

  // Keep the row at the top of the view in place when rows arrive above it.
  useLayoutEffect(() => {
    const element = viewport.current
    const anchor = firstShown.current
    if (!element || !anchor || element.scrollTop === 0) return
    if (items[anchor.index] && itemKey(items[anchor.index]) === anchor.key) return
    const now = items.findIndex((item) => itemKey(item) === anchor.key)
    if (now < 0) return
    element.scrollTop += (now - anchor.index) * rowHeight
    setScrollTop(element.scrollTop)
  }, [items, itemKey, rowHeight])

  // Remember which row is at the top of the view now, for the next change of rows.
  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const index = Math.min(items.length - 1, Math.floor(element.scrollTop / rowHeight))
    firstShown.current = index >= 0 ? { key: itemKey(items[index]), index } : null
  })

  const onScroll = () => {
    if (frame.current !== null) return
    frame.current = requestAnimationFrame(() => {
      frame.current = null
      setScrollTop(viewport.current?.scrollTop ?? 0)
    })
  }

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan)

  const rows: ReactNode[] = []
  for (let index = first; index < last; index++) {
    const item = items[index]
    rows.push(
      <li
        key={itemKey(item)}
        className="absolute inset-x-0"
        style={{ top: index * rowHeight, height: rowHeight }}
        aria-setsize={items.length}
        aria-posinset={index + 1}
      >
        {renderRow(item, index)}
      </li>,
    )
  }
  return (
    // Focusable, so a keyboard can scroll it (WCAG: scrollable regions reachable without a mouse).
    <div
      ref={viewport}
      onScroll={onScroll}
      className="overflow-y-auto"
      style={{ height }}
      role="group"
      aria-label={label}
      tabIndex={0}
    >
      <ul className="relative" style={{ height: items.length * rowHeight }} data-testid={testId}>
        {rows}
      </ul>
    </div>
  )
}
