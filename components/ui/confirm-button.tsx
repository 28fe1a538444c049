'use client'

// A consequential action asks once more before it runs: the button becomes "<question> Confirm / Cancel".
import { useTranslations } from 'next-intl'
import { useState, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending = false,
  variant = 'secondary',
  disabled = false,
}: {
  label: ReactNode
  question: string
  confirmLabel?: string
  onConfirm(): void
  pending?: boolean
  variant?: 'secondary' | 'danger'
  disabled?: boolean
}) {
  const t = useTranslations('confirm')
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <Button variant={variant} className="px-2 py-1 text-xs" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </Button>
    )
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2">
      <span className="text-xs">{question}</span>
      <Button
        variant="danger"
        className="px-2 py-1 text-xs"
        disabled={pending}
        onClick={() => (onConfirm(), setAsking(false))}
        autoFocus
      >
        {confirmLabel ?? t('confirm')}
      </Button>
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setAsking(false)} disabled={pending}>
        {t('cancel')}
      </Button>
    </span>
  )
}
