'use client'

// Keeps keyboard focus inside a modal while it is open: focus moves in when it opens (to the element marked
// `data-autofocus`, else the first focusable one), Tab and Shift+Tab cycle inside, focus that lands outside
// (or on nothing, after the focused button disappeared) is brought back, and it returns where it was on close.
import { useEffect, type RefObject } from 'react'

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])'

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null)
}

function focusInto(root: HTMLElement) {
  const preferred = root.querySelector<HTMLElement>('[data-autofocus]')
  ;(preferred ?? focusables(root)[0] ?? root).focus()
}

export function useFocusTrap(ref: RefObject<HTMLElement | null>, active: boolean) {
  useEffect(() => {
    const root = ref.current
    if (!active || !root) return
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    focusInto(root)
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.contains(event.target)) focusInto(root)
    }
    // The focused button went away (Answer once answered, Confirm once the door opened): no event says so, so
    // watch the dialog's content and, when focus has fallen to the page, put it back on the next action.
    const lost = new MutationObserver(() => {
      const active = document.activeElement
      if (!active || active === document.body) focusInto(root)
    })
    lost.observe(root, { childList: true, subtree: true })
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      const items = focusables(root)
      if (items.length === 0) return event.preventDefault()
      const first = items[0]
      const last = items[items.length - 1]
      const current = document.activeElement
      if (!root.contains(current)) {
        event.preventDefault()
        ;(event.shiftKey ? last : first).focus()
      } else if (event.shiftKey && current === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && current === last) {
        event.preventDefault()
        first.focus()
      }
    }
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      lost.disconnect()
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('keydown', onKeyDown)
      if (previous?.isConnected) previous.focus()
    }
  }, [ref, active])
}
