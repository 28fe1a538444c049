'use client'

// Screen-reader announcements: a visually hidden live region that is on the page before anything is said in it
// (regions created together with their text are often not read), each message added as its own node so two in
// quick succession are both read, the same words twice are read twice, and only the last few are kept.
import { useCallback, useRef, useState } from 'react'

type Message = { id: number; text: string }

export function useAnnouncements(keep = 3): { messages: Message[]; announce(text: string): void } {
  const next = useRef(0)
  const [messages, setMessages] = useState<Message[]>([])
  const announce = useCallback(
    (text: string) => setMessages((previous) => [...previous, { id: ++next.current, text }].slice(-keep)),
    [keep],
  )
  return { messages, announce }
}

/** `urgent` interrupts what the screen reader is saying (aria-live="assertive"); otherwise it waits its turn. */
export function LiveRegion({
  messages,
  urgent = false,
  testId,
}: {
  messages: Message[]
  urgent?: boolean
  testId?: string
}) {
  return (
    <div className="sr-only" aria-live={urgent ? 'assertive' : 'polite'} aria-relevant="additions" data-testid={testId}>
      {messages.map((m) => (
        <p key={m.id}>{m.text}</p>
      ))}
    </div>
  )
}
