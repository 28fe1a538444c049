// A keyboard shortcut shown on its button (the button also names it in aria-keyshortcuts).
import type { ReactNode } from 'react'

/** The keys the call dialog answers to (the same on every keyboard layout the console supports). */
export const SHORTCUT = { answer: 'A', openDoor: 'O', decline: 'D', confirm: 'Enter', cancel: 'Esc' } as const

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
