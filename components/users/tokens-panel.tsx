'use client'

import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { useCreateToken, useRevokeToken, useTokens } from '@/components/data/token-queries'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { DataTable } from '@/components/ui/data-table'
import { useFormatTime } from '@/components/ui/format-time'
import { useFormError } from '@/components/i18n/use-form-error'
import { ListPage } from '@/components/ui/list-page'
import { TextField } from '@/components/ui/text-field'

/** Matches the server's default (lib/auth/api-tokens.ts); the form pre-fills it. */
const DEFAULT_TOKEN_DAYS = 90

export function TokensPanel() {
  const t = useTranslations('tokens')
  const formatTime = useFormatTime()
  const refusal = useFormError(['name', 'expiresInDays'])
  const tokens = useTokens()
  const create = useCreateToken()
  const revoke = useRevokeToken()
  const [created, setCreated] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    refusal.setError(null)
    try {
      const form = new FormData(formElement)
      const days = Number(form.get('days') || DEFAULT_TOKEN_DAYS)
      const result = await create.mutateAsync({ name: String(form.get('name') ?? ''), expiresInDays: days })
      setCreated(result.token)
      formElement.reset()
    } catch (e) {
      refusal.setError(e)
    }
  }

  return (
    <ListPage
      source={tokens}
      title={t('title')}
      filters={
        created && (
          <div role="status" className="w-full rounded-xl border border-ok/50 bg-panel p-4 text-sm">
            <p className="font-medium">{t('copyNow')}</p>
            <code data-testid="new-token" className="mt-2 block break-all rounded bg-panel-2 p-2 font-mono text-xs">
              {created}
            </code>
          </div>
        )
      }
      empty={<p className="text-sm text-muted">{t('empty')}</p>}
      footer={
        <form
          onSubmit={onSubmit}
          className="flex flex-wrap items-end gap-3 rounded-xl border border-border bg-panel p-4"
        >
          <div className="min-w-48 flex-1">
            <TextField
              label={t('name')}
              name="name"
              required
              placeholder={t('namePlaceholder')}
              error={refusal.fieldError('name')}
            />
          </div>
          <div className="w-36">
            <TextField
              label={t('expiresAfter')}
              name="days"
              type="number"
              min={1}
              max={3650}
              defaultValue={DEFAULT_TOKEN_DAYS}
              error={refusal.fieldError('expiresInDays')}
            />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {t('create')}
          </Button>
          {refusal.message && (
            <p role="alert" className="w-full text-sm text-danger">
              {refusal.message}
            </p>
          )}
        </form>
      }
    >
      {(rows) => (
        <DataTable
          testId="tokens-table"
          rows={rows}
          rowKey={(token) => token.id}
          columns={[
            { key: 'name', header: t('nameColumn'), cell: (token) => `${token.name} (${token.prefix}…)` },
            { key: 'owner', header: t('actsAs'), cell: (token) => token.userEmail },
            { key: 'used', header: t('lastUsed'), cell: (token) => formatTime(token.lastUsedAt) },
            { key: 'expires', header: t('expires'), cell: (token) => formatTime(token.expiresAt) },
            {
              key: 'state',
              header: '',
              cell: (token) =>
                token.revokedAt ? (
                  <span className="text-muted">{t('revoked')}</span>
                ) : (
                  <ConfirmButton
                    label={t('revoke')}
                    variant="danger"
                    question={t('revokeQuestion', { name: token.name })}
                    confirmLabel={t('revoke')}
                    onConfirm={() => revoke.mutate(token.id)}
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
