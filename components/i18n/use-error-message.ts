'use client'

// An API failure as the operator reads it: the stable English `code` from the server picks a translated
// sentence; an unknown code falls back to the server's own message.
import { useMessages, useTranslations } from 'next-intl'
import { useCallback } from 'react'
import type en from '@/messages/en.json'

type ErrorCode = keyof (typeof en)['errors']
const isErrorCode = (errors: object, code: string | undefined): code is ErrorCode =>
  code !== undefined && Object.hasOwn(errors, code)

export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations('errors')
  const messages = useMessages()
  return useCallback(
    (error: unknown) => {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
      const message = error instanceof Error ? error.message : String(error)
      if (isErrorCode(messages.errors, code)) return t(code, { message })
      if (error instanceof TypeError) return t('network')
      return t('unknown', { message })
    },
    [t, messages],
  )
}
