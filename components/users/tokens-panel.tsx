'use client'

import { useState, type FormEvent } from 'react'
import { useCreateToken, useRevokeToken, useTokens } from '@/components/data/token-queries'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { DataTable } from '@/components/ui/data-table'
import { formatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'
import { TextField } from '@/components/ui/text-field'

/** Matches the server's default (lib/auth/api-tokens.ts); the form pre-fills it. */
const DEFAULT_TOKEN_DAYS = 90

export function TokensPanel() {
  const tokens = useTokens()
  const create = useCreateToken()
  const revoke = useRevokeToken()
  const [created, setCreated] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    setError(null)
    try {
      const form = new FormData(formElement)
      const days = Number(form.get('days') || DEFAULT_TOKEN_DAYS)
      const result = await create.mutateAsync({ name: String(form.get('name') ?? ''), expiresInDays: days })
      setCreated(result.token)
      formElement.reset()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <ListPage
      source={tokens}
      title="API tokens"
      filters={
        created && (
          <div role="status" className="w-full rounded-xl border border-ok/50 bg-panel p-4 text-sm">
            <p className="font-medium">Copy this token now: it will not be shown again.</p>
            <code data-testid="new-token" className="mt-2 block break-all rounded bg-panel-2 p-2 font-mono text-xs">
              {created}
            </code>
          </div>
        )
      }
      empty={
        <p className="text-sm text-muted">No API tokens yet. Integrations use them as `Authorization: Bearer …`.</p>
      }
      footer={
        <form
          onSubmit={onSubmit}
          className="flex flex-wrap items-end gap-3 rounded-xl border border-border bg-panel p-4"
        >
          <div className="min-w-48 flex-1">
            <TextField label="Token name" name="name" required placeholder="e.g. BMS integration" />
          </div>
          <div className="w-36">
            <TextField
              label="Expires after (days)"
              name="days"
              type="number"
              min={1}
              max={3650}
              defaultValue={DEFAULT_TOKEN_DAYS}
            />
          </div>
          <Button type="submit" disabled={create.isPending}>
            Create token
          </Button>
          {error && (
            <p role="alert" className="w-full text-sm text-danger">
              {error}
            </p>
          )}
        </form>
      }
    >
      {(rows) => (
        <DataTable
          testId="tokens-table"
          rows={rows}
          rowKey={(t) => t.id}
          columns={[
            { key: 'name', header: 'Name', cell: (t) => `${t.name} (${t.prefix}…)` },
            { key: 'owner', header: 'Acts as', cell: (t) => t.userEmail },
            { key: 'used', header: 'Last used', cell: (t) => formatTime(t.lastUsedAt) },
            { key: 'expires', header: 'Expires', cell: (t) => formatTime(t.expiresAt) },
            {
              key: 'state',
              header: '',
              cell: (t) =>
                t.revokedAt ? (
                  <span className="text-muted">revoked</span>
                ) : (
                  <ConfirmButton
                    label="Revoke"
                    variant="danger"
                    question={`Revoke ${t.name}? Integrations using it stop at once.`}
                    confirmLabel="Revoke"
                    onConfirm={() => revoke.mutate(t.id)}
                    pending={revoke.isPending}
                  />
                ),
            },
          ]}
        />
      )}
    </ListPage>
  )
}
