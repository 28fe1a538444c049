'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { apiFetch } from '@/components/ui/api-fetch'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { formatTime } from '@/components/ui/format-time'
import { TextField } from '@/components/ui/text-field'
import type { UserItem } from '@/lib/users/schema'

export function UsersPanel() {
  const queryClient = useQueryClient()
  const users = useQuery({ queryKey: ['users'], queryFn: () => apiFetch<{ items: UserItem[] }>('/api/users') })
  const [error, setError] = useState<string | null>(null)
  const create = useMutation({
    mutationFn: (input: Record<string, string>) => apiFetch('/api/users', { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  })

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = Object.fromEntries(new FormData(formElement)) as Record<string, string>
    setError(null)
    try {
      await create.mutateAsync(form)
      formElement.reset()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <section className="space-y-4">
      <h2 className="text-lg font-semibold">Operators</h2>
      {users.data && (
        <DataTable
          testId="users-table"
          rows={users.data.items}
          rowKey={(u) => u.id}
          columns={[
            { key: 'email', header: 'Email', cell: (u) => u.email },
            { key: 'role', header: 'Role', cell: (u) => <span className="capitalize">{u.role}</span> },
            { key: 'last', header: 'Last sign-in', cell: (u) => formatTime(u.lastLoginAt) },
          ]}
        />
      )}
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
    </section>
  )
}
