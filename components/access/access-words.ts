'use client'

// The access log's vocabularies as the page's language names them: methods (`accessMethods.*`) and results
// (`accessView.entered` / `accessView.refused`). A method the console does not
// know (a newer device) is shown as the device sent it.
import { useTranslations } from 'next-intl'
import { useCallback } from 'react'
import { isAccessMethod } from '@/components/access/access-labels'
import type { AccessResult } from '@/lib/domain/enums'

/** `method('card')` → "Card" / "门卡"; an unknown method as sent. */
export function useMethodLabel(): (method: string) => string {
  const t = useTranslations('accessMethods')
  return useCallback((method: string) => (isAccessMethod(method) ? t(method) : method), [t])
}

/** `result('granted')` → "Entered" / "已进入". */
export function useResultLabel(): (result: AccessResult) => string {
  const t = useTranslations('accessView')
  return useCallback((result: AccessResult) => t(result === 'granted' ? 'entered' : 'refused'), [t])
}
