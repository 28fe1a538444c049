'use client'

import { useState, type FormEvent } from 'react'
import { useCreateUser, useMe, useUsers, type NewUserForm } from '@/components/data/user-queries'
import { UserAccessActions } from '@/components/users/user-access-actions'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { formatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'
import { TextField } from '@/components/ui/text-field'

function newUserOf(form: FormData): NewUserForm {
  const field = (name: string) => String(form.get(name) ?? '')
  // An empty name is left out: the server then names the operator after their email.
  return { email: field('email'), password: field('password'), role: field('role'), name: field('name') || undefined }
}

export function UsersPanel() {
  const users = useUsers()
  const me = useMe()
  const create = useCreateUser()
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    setError(null)
    try {
      await create.mutateAsync(newUserOf(new FormData(formElement)))
      formElement.reset()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <ListPage
      source={users}
      title="Operators"
      empty={null}
      footer={
        <form onSubmit={onSubmit} className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-2">
          <TextField label="Email" name="email" type="email" required />
          <TextField label="Name" name="name" />
          <TextField label="Password" name="password" type="password" required hint="At least 10 characters" />
          <div className="space-y-1">
            <label htmlFor="new-user-role" className="block text-sm font-medium">
              Role
            </label>
            <select
              id="new-user-role"
              name="role"
              className="w-full rounded-md border border-border bg-panel-2 px-3 py-2 text-sm"
            >
              <option value="guard">Guard</option>
              <option value="manager">Manager</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          {error && (
            <p role="alert" className="text-sm text-danger sm:col-span-2">
              {error}
            </p>
          )}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              Add operator
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
            { key: 'email', header: 'Email', cell: (u) => u.email },
            { key: 'role', header: 'Role', cell: (u) => <span className="capitalize">{u.role}</span> },
            {
              key: 'status',
              header: 'Status',
              cell: (u) => (u.disabled ? <span className="text-danger">Disabled</span> : 'Active'),
            },
            { key: 'last', header: 'Last sign-in', cell: (u) => formatTime(u.lastLoginAt) },
            {
              key: 'access',
              header: 'Access',
              cell: (u) => <UserAccessActions user={u} isSelf={u.id === me.data?.id} />,
            },
          ]}
        />
      )}
    </ListPage>
  )
}
