'use client'

import { useTranslations } from 'next-intl'
import type { FormEvent } from 'react'
import { useCreateUser, useMe, useUsers, type NewUserForm } from '@/components/data/user-queries'
import { UserAccessActions } from '@/components/users/user-access-actions'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { useFormatTime } from '@/components/ui/format-time'
import { useFormError } from '@/components/i18n/use-form-error'
import { ListPage } from '@/components/ui/list-page'
import { TextField } from '@/components/ui/text-field'
import { ROLES } from '@/lib/domain/roles'

function newUserOf(form: FormData): NewUserForm {
  const field = (name: string) => String(form.get(name) ?? '')
  // An empty name is left out: the server then names the operator after their email.
  return { email: field('email'), password: field('password'), role: field('role'), name: field('name') || undefined }
}

export function UsersPanel() {
  const t = useTranslations('users')
  const roles = useTranslations('roles')
  const formatTime = useFormatTime()
  const form = useFormError(['email', 'name', 'password', 'role'])
  const users = useUsers()
  const me = useMe()
  const create = useCreateUser()

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    form.setError(null)
    try {
      await create.mutateAsync(newUserOf(new FormData(formElement)))
      formElement.reset()
    } catch (e) {
      form.setError(e)
    }
  }

  return (
    <ListPage
      source={users}
      title={t('operators')}
      empty={null}
      footer={
        <form onSubmit={onSubmit} className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-2">
          <TextField label={t('email')} name="email" type="email" required error={form.fieldError('email')} />
          <TextField label={t('name')} name="name" error={form.fieldError('name')} />
          <TextField
            label={t('password')}
            name="password"
            type="password"
            required
            hint={t('passwordHint')}
            error={form.fieldError('password')}
          />
          <div className="space-y-1">
            <label htmlFor="new-user-role" className="block text-sm font-medium">
              {t('role')}
            </label>
            <select
              id="new-user-role"
              name="role"
              className="w-full rounded-md border border-border bg-panel-2 px-3 py-2 text-sm"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roles(role)}
                </option>
              ))}
            </select>
          </div>
          {form.message && (
            <p role="alert" className="text-sm text-danger sm:col-span-2">
              {form.message}
            </p>
          )}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              {t('add')}
            </Button>
          </div>
        </form>
      }
    >
      {(rows) => (
        <DataTable
          testId="users-table"
          rows={rows}
          rowKey={(u) => u.id}
          columns={[
            { key: 'email', header: t('email'), cell: (u) => u.email },
            { key: 'role', header: t('role'), cell: (u) => roles(u.role) },
            {
              key: 'status',
              header: t('status'),
              cell: (u) => (u.disabled ? <span className="text-danger">{t('disabled')}</span> : t('active')),
            },
            { key: 'last', header: t('lastSignIn'), cell: (u) => formatTime(u.lastLoginAt) },
            {
              key: 'access',
              header: t('access'),
              cell: (u) => <UserAccessActions user={u} isSelf={u.id === me.data?.id} />,
            },
          ]}
        />
      )}
    </ListPage>
  )
}
