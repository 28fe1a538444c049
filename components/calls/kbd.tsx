// A keyboard shortcut shown on its button (the button also names it in aria-keyshortcuts).
import type { ReactNode } from 'react'

export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd
      aria-hidden
      className="ml-1 rounded border border-current/30 px-1 font-mono text-[0.7rem] leading-4 opacity-80"
    >
      {children}
    </kbd>
  )
}
