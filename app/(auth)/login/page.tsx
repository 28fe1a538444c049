import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/auth/login-form'
import { homeFor } from '@/lib/auth/page-access'
import { safeCallbackPath } from '@/lib/auth/safe-callback'
import { currentActor } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Sign in' }
export const dynamic = 'force-dynamic'

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await currentActor()
  const { callbackUrl } = await searchParams
  if (actor) redirect(homeFor(actor.role))
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-border bg-panel p-8 shadow-xl">
        <h1 className="text-xl font-semibold">Building Console</h1>
        <p className="mt-1 text-sm text-muted">Sign in to watch doors, calls and alarms.</p>
        <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
    </main>
  )
}
