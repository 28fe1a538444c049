'use client'
// A square crop over the chosen photo: drag the box to move it, drag its corner to resize it, or focus it and use
// the arrow keys (Shift for bigger steps) to move and + / − to resize. The crop is kept in the photo's own
// pixels, so what is uploaded does not depend on the screen.
import { useTranslations } from 'next-intl'
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import type { PhotoSource, Square } from '@/components/faces/photo-source'

const VIEW = 360
/** The smallest crop the box allows, in photo pixels (the check will still say if it is under 480 px). */
const MIN_SIDE = 64

function clamp(crop: Square, width: number, height: number): Square {
  const side = Math.max(Math.min(crop.side, width, height), Math.min(MIN_SIDE, width, height))
  return {
    side,
    x: Math.min(Math.max(0, crop.x), width - side),
    y: Math.min(Math.max(0, crop.y), height - side),
  }
}

export function CropBox({
  source,
  crop,
  onChange,
}: {
  source: PhotoSource
  crop: Square
  onChange(crop: Square): void
}) {
  const t = useTranslations('credentials.crop')
  const canvas = useRef<HTMLCanvasElement>(null)
  const drag = useRef<{ mode: 'move' | 'resize'; startX: number; startY: number; start: Square } | null>(null)
  const scale = Math.min(VIEW / source.width, VIEW / source.height)
  const view = { width: Math.round(source.width * scale), height: Math.round(source.height * scale) }

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    context?.drawImage(source.image, 0, 0, view.width, view.height)
  }, [source, view.width, view.height])

  const update = (next: Square) => onChange(clamp(next, source.width, source.height))

  const begin = (mode: 'move' | 'resize') => (event: PointerEvent<HTMLElement>) => {
    event.preventDefault()
    event.stopPropagation()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { mode, startX: event.clientX, startY: event.clientY, start: crop }
  }
  const move = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current
    if (!current) return
    const dx = (event.clientX - current.startX) / scale
    const dy = (event.clientY - current.startY) / scale
    if (current.mode === 'move') update({ ...current.start, x: current.start.x + dx, y: current.start.y + dy })
    else update({ ...current.start, side: current.start.side + Math.max(dx, dy) })
  }
  const end = () => void (drag.current = null)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = Math.max(1, Math.round(Math.min(source.width, source.height) * (event.shiftKey ? 0.1 : 0.02)))
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    }
    if (moves[event.key]) {
      const [dx, dy] = moves[event.key]
      update({ ...crop, x: crop.x + dx, y: crop.y + dy })
    } else if (event.key === '+' || event.key === '=' || event.key === '-' || event.key === '_') {
      const grow = event.key === '+' || event.key === '=' ? step : -step
      update({ x: crop.x - grow / 2, y: crop.y - grow / 2, side: crop.side + grow })
    } else {
      return
    }
    event.preventDefault()
  }

  return (
    <div className="relative select-none overflow-hidden rounded-md" style={{ width: view.width, height: view.height }}>
      <canvas ref={canvas} width={view.width} height={view.height} className="rounded-md" aria-hidden />
      <div
        role="group"
        tabIndex={0}
        aria-label={t('label')}
        aria-description={t('position', {
          side: Math.round(crop.side),
          x: Math.round(crop.x),
          y: Math.round(crop.y),
        })}
        data-testid="crop-box"
        className="absolute cursor-move border-2 border-accent shadow-[0_0_0_9999px_rgba(0,0,0,0.45)] outline-none focus-visible:ring-2 focus-visible:ring-accent"
        style={{ left: crop.x * scale, top: crop.y * scale, width: crop.side * scale, height: crop.side * scale }}
        onPointerDown={begin('move')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={onKeyDown}
      >
        <span
          aria-hidden
          data-testid="crop-resize"
          className="absolute -bottom-2 -right-2 h-4 w-4 cursor-nwse-resize rounded-sm border-2 border-accent bg-panel"
          onPointerDown={begin('resize')}
          onPointerMove={move}
          onPointerUp={end}
          onPointerCancel={end}
        />
      </div>
    </div>
  )
}
