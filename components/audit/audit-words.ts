'use client'

// The audit trail's vocabularies in the page's language: actions (`auditActions.<action>`), kinds of object
// (`audit.targets.<type>`) and the system's own actors. A name the catalogue does not hold (an action recorded by
// a newer version) is shown as stored.
import { useMessages, useTranslations } from 'next-intl'
import { useCallback } from 'react'

type Tree = { [key: string]: unknown }
const has = (tree: unknown, key: string) =>
  typeof key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree) === 'string'

/** `action('auth.sign_in')` → "Signed in" / "登录"; an unknown action as stored. */
export function useAuditActionLabel(): (action: string) => string {
  const t = useTranslations('auditActions')
  const messages = useMessages()
  return useCallback(
    (action: string) => (has(messages.auditActions, action) ? t(action as never) : action),
    [t, messages],
  )
}

/** `target('resident')` → "Resident" / "住户"; an unknown kind as stored. */
export function useAuditTargetLabel(): (type: string) => string {
  const t = useTranslations('audit.targets')
  const messages = useMessages()
  return useCallback((type: string) => (has(messages.audit.targets, type) ? t(type as never) : type), [t, messages])
}

/** Who did it: an operator's label as recorded, or the system's own jobs by name. */
export function useAuditActorLabel(): (entry: { actor: string; actorId: string | null }) => string {
  const t = useTranslations('audit.actors')
  return useCallback(
    ({ actor, actorId }: { actor: string; actorId: string | null }) => {
      if (actorId !== null) return actor
      if (actor === 'system') return t('system')
      if (actor === 'system:door-sync') return t('doorSync')
      return actor
    },
    [t],
  )
}
