'use client'

// A form's refusal from the server, where the operator looks for it: each refused field's reason beside that
// field (in the page's language, from `error.details.fields`), and above the buttons either "check the fields
// marked below" or, when something was refused that the form does not show as a field, the whole message.
import { useTranslations } from 'next-intl'
import { useCallback, useMemo, useState } from 'react'
import { fieldIssuesIn, useErrorMessage, useFieldIssueText } from '@/components/i18n/use-error-message'

export type FormError = {
  /** Show this failure (or clear it with null). */
  setError: (error: unknown) => void
  /** The form-level message, or null. */
  message: string | null
  /** The reason a shown field was refused, or undefined. */
  fieldError: (path: string) => string | undefined
}

/** `shown`: the request's field names this form shows as fields (`name`, `days.calls`, …). */
export function useFormError(shown: readonly string[]): FormError {
  const t = useTranslations('validation')
  const errorMessage = useErrorMessage()
  const issueText = useFieldIssueText()
  const [error, setError] = useState<unknown>(null)
  const shownKey = shown.join('\n')

  const { message, byField } = useMemo(() => {
    const byField = new Map<string, string>()
    if (error === null || error === undefined) return { message: null, byField }
    const code = (error as { code?: unknown }).code
    const issues = code === 'bad_request' ? fieldIssuesIn(error) : []
    const fields = shownKey.split('\n')
    for (const issue of issues) {
      if (!fields.includes(issue.path)) continue
      const text = issueText(issue, false)
      byField.set(issue.path, byField.has(issue.path) ? `${byField.get(issue.path)}${t('separator')}${text}` : text)
    }
    const allShown = issues.length > 0 && issues.every((issue) => fields.includes(issue.path))
    return { message: allShown ? t('summary') : errorMessage(error), byField }
  }, [error, shownKey, errorMessage, issueText, t])

  const fieldError = useCallback((path: string) => byField.get(path), [byField])
  return { setError, message, fieldError }
}
