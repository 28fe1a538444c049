// An operator's language choice: saved on their user row (so it follows them to any desk) and audited.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { invalidField } from '@/lib/errors'
import { availableLocales } from '@/lib/i18n/catalogue'

export async function setUserLocale(db: Db, actor: Actor, body: unknown, context: AuditContext): Promise<string> {
  const locales = availableLocales()
  const parsed = z.object({ locale: z.string() }).safeParse(body)
  if (!parsed.success || !locales.includes(parsed.data.locale))
    throw invalidField(`locale: one of ${locales.join(', ')}`, {
      path: 'locale',
      reason: 'not_one_of',
      values: locales,
    })
  const { locale } = parsed.data
  await runChange(db, async ({ tx, audit }) => {
    await tx.user.update({ where: { id: actor.userId }, data: { locale } })
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'user.locale_changed',
      targetType: 'User',
      targetId: actor.userId,
      details: { locale },
      context,
    })
  })
  return locale
}
