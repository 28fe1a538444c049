'use client'

// One resident's page: who they are and where they live, their record, which doors they may open, their
// credentials and how far every device has got; for admins, suspend/reactivate and erasure. While an erasure
// runs, the header counts the doors that have confirmed it.
import Link from 'next/link'
import { useState, type ReactNode } from 'react'
import { useEraseResident, useResident, useUpdateResident } from '@/components/data/resident-queries'
import { ResidentDoors } from '@/components/residents/resident-doors'
import { erasureProgress, STATUS_LABELS, STATUS_TONES, unitLabelOf } from '@/components/residents/resident-labels'
import { ResidentRecord } from '@/components/residents/resident-record'
import { Badge } from '@/components/ui/badge'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { PageHeader } from '@/components/ui/page-header'
import type { ResidentDetail } from '@/lib/residents/schema'

function ErasureProgress({ resident }: { resident: ResidentDetail }) {
  const { confirmed, total } = erasureProgress(resident)
  if (resident.status === 'erased') {
    return <p className="text-sm text-muted">Erased: every door has removed this person.</p>
  }
  return (
    <p role="status" data-testid="erasure-progress" className="text-sm font-medium text-danger">
      Erasing… {confirmed} of {total} doors confirmed
    </p>
  )
}

function StatusActions({ resident }: { resident: ResidentDetail }) {
  const update = useUpdateResident(resident.id)
  const [error, setError] = useState<string | null>(null)
  const setStatus = (status: 'active' | 'suspended') =>
    update.mutate({ version: resident.version, status }, { onError: (e) => setError(e.message) })
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {resident.status === 'active' ? (
        <ConfirmButton
          label="Suspend"
          question={`Suspend ${resident.name}? Every door stops letting them in until reactivated.`}
          confirmLabel="Suspend"
          pending={update.isPending}
          onConfirm={() => setStatus('suspended')}
        />
      ) : (
        <ConfirmButton
          label="Reactivate"
          question={`Reactivate ${resident.name}? Their doors let them in again.`}
          confirmLabel="Reactivate"
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
  const erase = useEraseResident(resident.id)
  return (
    <section aria-label="Erase resident" className="space-y-2 rounded-xl border border-danger/40 p-4">
      <h2 className="text-lg font-semibold">Erase resident</h2>
      <p className="text-sm text-muted">
        For when a resident leaves or asks to be forgotten. The record stays only as an anonymous tombstone until every
        door confirms it has removed the person.
      </p>
      <ConfirmButton
        variant="danger"
        label="Erase resident"
        question={`Erase ${resident.name}? Their name, phone, email, notes and unit are blanked; every face, card and PIN is revoked and removed from every door; their enrolled photos and the face captures of their access events are deleted; their access history is kept as "Erased resident"; all their doors are withdrawn. This cannot be undone.`}
        confirmLabel="Erase permanently"
        pending={erase.isPending}
        onConfirm={() => erase.mutate()}
      />
      {erase.error && (
        <p role="alert" className="text-sm text-danger">
          {erase.error.message}
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
  const query = useResident(residentId)
  const resident = query.data
  if (query.status === 'pending') return <p role="status">Loading…</p>
  if (!resident) {
    return (
      <div role="alert" className="space-y-2">
        <p className="text-danger">{query.error?.message ?? 'Could not load this resident.'}</p>
        <Link href="/residents" className="text-sm underline">
          Back to the register
        </Link>
      </div>
    )
  }
  const erasing = resident.status === 'erasing' || resident.status === 'erased'
  return (
    <div className="space-y-6">
      <PageHeader
        title={resident.name}
        description={`${unitLabelOf(resident)} · ${resident.credentials.face} face, ${resident.credentials.card} card, ${resident.credentials.pin} PIN`}
        actions={
          <span className="inline-flex items-center gap-2">
            <Badge tone={STATUS_TONES[resident.status]}>{STATUS_LABELS[resident.status]}</Badge>
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
