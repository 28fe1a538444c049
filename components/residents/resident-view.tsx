'use client'

// One resident's page: who they are and where they live, their record, which doors they may open, their
// credentials and how far every device has got; for admins, suspend/reactivate and erasure. While an erasure
// runs, the header counts the doors that have confirmed it.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState, type ReactNode } from 'react'
import { useEraseResident, useResident, useUpdateResident } from '@/components/data/resident-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { ResidentDoors } from '@/components/residents/resident-doors'
import { erasureProgress, STATUS_TONES, unitLabelOf } from '@/components/residents/resident-labels'
import { ResidentRecord } from '@/components/residents/resident-record'
import { Badge } from '@/components/ui/badge'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { PageHeader } from '@/components/ui/page-header'
import type { ResidentDetail } from '@/lib/residents/schema'

function ErasureProgress({ resident }: { resident: ResidentDetail }) {
  const t = useTranslations('residents.view')
  const { confirmed, total } = erasureProgress(resident)
  if (resident.status === 'erased') return <p className="text-sm text-muted">{t('erased')}</p>
  return (
    <p role="status" data-testid="erasure-progress" className="text-sm font-medium text-danger">
      {t('erasing', { confirmed, total })}
    </p>
  )
}

function StatusActions({ resident }: { resident: ResidentDetail }) {
  const t = useTranslations('residents.view')
  const errorMessage = useErrorMessage()
  const update = useUpdateResident(resident.id)
  const [error, setError] = useState<string | null>(null)
  const setStatus = (status: 'active' | 'suspended') =>
    update.mutate({ version: resident.version, status }, { onError: (e) => setError(errorMessage(e)) })
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {resident.status === 'active' ? (
        <ConfirmButton
          label={t('suspend')}
          question={t('suspendQuestion', { name: resident.name })}
          confirmLabel={t('suspend')}
          pending={update.isPending}
          onConfirm={() => setStatus('suspended')}
        />
      ) : (
        <ConfirmButton
          label={t('reactivate')}
          question={t('reactivateQuestion', { name: resident.name })}
          confirmLabel={t('reactivate')}
          pending={update.isPending}
          onConfirm={() => setStatus('active')}
        />
      )}
      {error && (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
    </span>
  )
}

function EraseSection({ resident }: { resident: ResidentDetail }) {
  const t = useTranslations('residents.erase')
  const errorMessage = useErrorMessage()
  const erase = useEraseResident(resident.id)
  return (
    <section aria-label={t('title')} className="space-y-2 rounded-xl border border-danger/40 p-4">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="text-sm text-muted">{t('lead')}</p>
      <ConfirmButton
        variant="danger"
        label={t('button')}
        question={t('question', { name: resident.name })}
        confirmLabel={t('confirm')}
        pending={erase.isPending}
        onConfirm={() => erase.mutate()}
      />
      {erase.error && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(erase.error)}
        </p>
      )}
    </section>
  )
}

export function ResidentView({
  residentId,
  canWrite,
  canManageDoors,
  credentials,
  sync,
}: {
  residentId: string
  canWrite: boolean
  canManageDoors: boolean
  credentials: ReactNode
  sync: ReactNode
}) {
  const t = useTranslations('residents')
  const errorMessage = useErrorMessage()
  const query = useResident(residentId)
  const resident = query.data
  if (query.status === 'pending') return <p role="status">{t('view.loading')}</p>
  if (!resident) {
    return (
      <div role="alert" className="space-y-2">
        <p className="text-danger">{query.error ? errorMessage(query.error) : t('view.loadFailed')}</p>
        <Link href="/residents" className="text-sm underline">
          {t('view.back')}
        </Link>
      </div>
    )
  }
  const erasing = resident.status === 'erasing' || resident.status === 'erased'
  return (
    <div className="space-y-6">
      <PageHeader
        title={resident.name}
        description={t('view.summary', {
          unit: unitLabelOf(resident),
          face: resident.credentials.face,
          card: resident.credentials.card,
          pin: resident.credentials.pin,
        })}
        actions={
          <span className="inline-flex items-center gap-2">
            <Badge tone={STATUS_TONES[resident.status]}>{t(`statuses.${resident.status}`)}</Badge>
            {canWrite && !erasing && <StatusActions resident={resident} />}
          </span>
        }
      />
      {erasing && <ErasureProgress resident={resident} />}
      <div className="grid gap-6 xl:grid-cols-2">
        <ResidentRecord resident={resident} canWrite={canWrite} />
        <ResidentDoors resident={resident} canManage={canManageDoors} />
      </div>
      {credentials}
      {sync}
      {canWrite && !erasing && <EraseSection resident={resident} />}
    </div>
  )
}
