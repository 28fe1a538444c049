// Page-side authorisation for server components: signed out → sign-in page; a role without the page's
// permission → 403 page.
import { getServerSession } from 'next-auth'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { actorFromUserId, type Actor } from '@/lib/auth/actor'
import { buildAuthOptions } from '@/lib/auth/auth-options'
import { canOpenPage, PAGES, type PageKey } from '@/lib/auth/page-access'
import { getDb, type Db } from '@/lib/db/client'

/** Once per request: the layout, the page and the language lookup all ask. */
export const currentActor = cache(async function currentActor(): Promise<Actor | null> {
  const db = getDb()
  const session = await getServerSession(buildAuthOptions(db))
  if (!session?.user?.id) return null
  return actorFromUserId(db, session.user.id, 'session')
})

export async function requireSignedIn(callbackPath = '/'): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`)
  return actor
}

export async function requirePage(page: PageKey): Promise<Actor> {
  const actor = await requireSignedIn(PAGES[page].href)
  if (!canOpenPage(actor.role, page)) forbidden()
  return actor
}

/** Server data a page hands to its client view (e.g. the building's time zone), read with the process-wide client. */
export function readForPage<T>(read: (db: Db) => Promise<T>): Promise<T> {
  return read(getDb())
}
