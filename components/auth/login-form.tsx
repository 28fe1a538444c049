'use client'

import { signIn } from 'next-auth/react'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { safeCallbackPath } from '@/lib/auth/safe-callback'

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(null)
    // redirect:false keeps us on this origin whatever NEXTAUTH_URL says.
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    })
    setPending(false)
    if (!result || result.error) {
      // The server names the reason by code (lib/auth/sign-in.ts); anything else is a failed sign-in too.
      setError(result?.error === 'sign_in_throttled' ? t('throttled') : t('wrongCredentials'))
      return
    }
    // Checked again here: whatever reaches this component, the browser never leaves the console.
    router.replace(safeCallbackPath(callbackUrl) ?? '/')
    router.refresh()
  }

  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      <TextField label={t('email')} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-bg px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  )
}
