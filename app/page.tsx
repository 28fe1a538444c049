import { redirect } from 'next/navigation'
import { homeFor } from '@/lib/auth/page-access'
import { requireSignedIn } from '@/lib/auth/page-guard'

export const dynamic = 'force-dynamic'

export default async function Home() {
  const actor = await requireSignedIn('/')
  redirect(homeFor(actor.role))
}
