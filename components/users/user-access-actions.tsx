'use client'

// Offboarding from the Users page: disable/enable an operator or change their role, each with a confirmation.
// The server ends their sessions, revokes their tokens and drops their live connections; it refuses to leave the
// building without an active admin, and an admin's own account is changed by another admin.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useUpdateUser } from '@/components/data/user-queries'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import type { UserItem } from '@/lib/users/schema'

const ROLE_CHOICES = ['guard', 'manager', 'admin'] as const

export function UserAccessActions({ user, isSelf }: { user: UserItem; isSelf: boolean }) {
  const t = useTranslations('users')
  const roles = useTranslations('roles')
  const errorMessage = useErrorMessage()
  const update = useUpdateUser()
  const [role, setRole] = useState<UserItem['role']>(user.role)
  const [error, setError] = useState<string | null>(null)
  if (isSelf) return <span className="text-xs text-muted">{t('you')}</span>

  const apply = (change: { role?: UserItem['role']; disabled?: boolean }) => {
    setError(null)
    update.mutate({ userId: user.id, change }, { onError: (e) => (setError(errorMessage(e)), setRole(user.role)) })
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        {t('roleOf', { email: user.email })}
      </label>
      <select
        id={`role-${user.id}`}
        value={role}
        onChange={(event) => setRole(event.target.value as UserItem['role'])}
        className="rounded-md border border-border bg-panel-2 px-2 py-1 text-xs"
        disabled={update.isPending}
      >
        {ROLE_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {roles(choice)}
          </option>
        ))}
      </select>
      {role !== user.role && (
        <ConfirmButton
          label={t('changeRole')}
          question={t('changeRoleQuestion', { email: user.email, role: roles(role) })}
          onConfirm={() => apply({ role })}
          pending={update.isPending}
        />
      )}
      <ConfirmButton
        label={user.disabled ? t('enable') : t('disable')}
        variant={user.disabled ? 'secondary' : 'danger'}
        question={
          user.disabled ? t('enableQuestion', { email: user.email }) : t('disableQuestion', { email: user.email })
        }
        onConfirm={() => apply({ disabled: !user.disabled })}
        pending={update.isPending}
      />
      {error && (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
    </span>
  )
}
