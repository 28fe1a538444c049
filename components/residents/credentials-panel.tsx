'use client'
// A resident's faces, cards and PIN on their page. Admins (credentials.manage) enrol and remove them; everyone
// who may read residents sees them, with card numbers masked and a PIN shown only as "set". Each credential may
// have its own validity window, and the admin is warned when it reaches outside the resident's.
import { CreditCard, KeyRound, ScanFace } from 'lucide-react'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useAddCard, useAddPin, useCredentials, useRevokeCredential } from '@/components/data/credential-queries'
import { FaceEnrolment } from '@/components/faces/face-enrolment'
import {
  NO_VALIDITY,
  ValidityFields,
  validityNotes,
  type ResidentWindow,
  type Validity,
} from '@/components/faces/validity-fields'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { formatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import type { CredentialItem } from '@/lib/credentials/schema'
import { PIN_POLICY_HINT } from '@/lib/credentials/pin-policy'
import { describeQuality } from '@/lib/faces/face-rules'
import { apiPaths } from '@/lib/http/api-paths'

function validityText(item: CredentialItem): string {
  if (!item.validFrom && !item.validUntil) return 'Always valid'
  if (!item.validUntil) return `Valid from ${formatTime(item.validFrom)}`
  if (!item.validFrom) return `Valid until ${formatTime(item.validUntil)}`
  return `Valid ${formatTime(item.validFrom)} – ${formatTime(item.validUntil)}`
}

function Section({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  )
}

function RemoveButton({ residentId, item, what }: { residentId: string; item: CredentialItem; what: string }) {
  const revoke = useRevokeCredential(residentId)
  return (
    <ConfirmButton
      label="Remove"
      question={`Remove this ${what}? Every door will drop it.`}
      confirmLabel="Remove"
      variant="danger"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate({ kind: item.kind, credentialId: item.id })}
    />
  )
}

function FacesSection({
  residentId,
  items,
  canManage,
  resident,
}: {
  residentId: string
  items: CredentialItem[]
  canManage: boolean
  resident: ResidentWindow | undefined
}) {
  const [enrolling, setEnrolling] = useState(false)
  return (
    <Section title="Faces" icon={<ScanFace size={16} aria-hidden />}>
      {items.length === 0 && <p className="text-sm text-muted">No face enrolled.</p>}
      <ul className="space-y-2">
        {items.map((item) =>
          item.kind === 'face' ? (
            <li key={item.id} data-testid="face-credential" className="flex items-center gap-3">
              <SnapshotThumb
                url={item.photoId ? apiPaths.snapshot(item.photoId) : null}
                alt="Enrolled face"
                size={64}
              />
              <div className="min-w-0 flex-1 text-sm">
                <p>{item.quality ? describeQuality(item.quality) : 'Enrolled photo'}</p>
                <p className="text-xs text-muted">
                  Enrolled {formatTime(item.createdAt)} · {validityText(item)}
                </p>
              </div>
              {canManage && <RemoveButton residentId={residentId} item={item} what="face" />}
            </li>
          ) : null,
        )}
      </ul>
      {canManage &&
        (enrolling ? (
          <FaceEnrolment residentId={residentId} resident={resident} onDone={() => setEnrolling(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setEnrolling(true)}>
            Enrol a face
          </Button>
        ))}
    </Section>
  )
}

function CardsSection({
  residentId,
  items,
  canManage,
  resident,
}: {
  residentId: string
  items: CredentialItem[]
  canManage: boolean
  resident: ResidentWindow | undefined
}) {
  const add = useAddCard(residentId)
  const [cardNo, setCardNo] = useState('')
  const [validity, setValidity] = useState<Validity>(NO_VALIDITY)
  const notes = validityNotes(validity, resident)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (notes.error) return
    add.mutate(
      { cardNo, validFrom: notes.from, validTo: notes.to },
      { onSuccess: () => (setCardNo(''), setValidity(NO_VALIDITY)) },
    )
  }
  return (
    <Section title="Cards" icon={<CreditCard size={16} aria-hidden />}>
      {items.length === 0 && <p className="text-sm text-muted">No card.</p>}
      <ul className="space-y-2">
        {items.map((item) =>
          item.kind === 'card' ? (
            <li key={item.id} data-testid="card-credential" className="flex items-center gap-3 text-sm">
              <span className="font-mono">{item.cardNo}</span>
              <span className="flex-1 text-xs text-muted">{validityText(item)}</span>
              {canManage && <RemoveButton residentId={residentId} item={item} what="card" />}
            </li>
          ) : null,
        )}
      </ul>
      {canManage && (
        <form onSubmit={submit} className="space-y-2" aria-label="Add a card">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`card-${residentId}`} className="text-sm">
              Card number
            </label>
            <input
              id={`card-${residentId}`}
              value={cardNo}
              onChange={(e) => setCardNo(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="rounded-md border border-border bg-panel-2 px-2 py-1 font-mono text-sm"
            />
            <Button type="submit" variant="secondary" disabled={!cardNo.trim() || add.isPending || !!notes.error}>
              Add card
            </Button>
          </div>
          <ValidityFields value={validity} onChange={setValidity} resident={resident} />
          {add.error && (
            <p role="alert" className="text-sm text-danger">
              {add.error.message}
            </p>
          )}
        </form>
      )}
    </Section>
  )
}

function PinSection({
  residentId,
  items,
  canManage,
  resident,
}: {
  residentId: string
  items: CredentialItem[]
  canManage: boolean
  resident: ResidentWindow | undefined
}) {
  const add = useAddPin(residentId)
  const [pin, setPin] = useState('')
  const [validity, setValidity] = useState<Validity>(NO_VALIDITY)
  const notes = validityNotes(validity, resident)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (notes.error) return
    // The field is emptied whatever the answer: the PIN is typed once and never kept in the page.
    add.mutate({ pin, validFrom: notes.from, validTo: notes.to }, { onSettled: () => setPin('') })
  }
  return (
    <Section title="PIN" icon={<KeyRound size={16} aria-hidden />}>
      {items.length === 0 && <p className="text-sm text-muted">No PIN.</p>}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id} data-testid="pin-credential" className="flex items-center gap-3 text-sm">
            <span>PIN set on {formatTime(item.createdAt)}</span>
            <span className="flex-1 text-xs text-muted">{validityText(item)}</span>
            {canManage && <RemoveButton residentId={residentId} item={item} what="PIN" />}
          </li>
        ))}
      </ul>
      {canManage && items.length === 0 && (
        <form onSubmit={submit} className="space-y-2" aria-label="Set a PIN">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`pin-${residentId}`} className="text-sm">
              New PIN
            </label>
            <input
              id={`pin-${residentId}`}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              className="w-32 rounded-md border border-border bg-panel-2 px-2 py-1 font-mono text-sm"
            />
            <Button type="submit" variant="secondary" disabled={pin.length < 6 || add.isPending || !!notes.error}>
              Set PIN
            </Button>
          </div>
          <p className="text-xs text-muted">{PIN_POLICY_HINT} It is shown to no one after this.</p>
          <ValidityFields value={validity} onChange={setValidity} resident={resident} />
          {add.error && (
            <p role="alert" className="text-sm text-danger">
              {add.error.message}
            </p>
          )}
        </form>
      )}
    </Section>
  )
}

export function CredentialsPanel({ residentId, canManage }: { residentId: string; canManage: boolean }) {
  const credentials = useCredentials(residentId)
  const items = credentials.data?.items ?? []
  const resident = credentials.data?.resident
  const of = (kind: CredentialItem['kind']) => items.filter((item) => item.kind === kind)
  return (
    <section aria-label="Credentials" data-resident={residentId} className="space-y-6">
      <h2 className="text-base font-semibold">Faces, cards and PIN</h2>
      {credentials.isError && (
        <p role="alert" className="text-sm text-danger">
          {credentials.error.message}
        </p>
      )}
      {credentials.isPending ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : (
        <>
          <FacesSection residentId={residentId} items={of('face')} canManage={canManage} resident={resident} />
          <CardsSection residentId={residentId} items={of('card')} canManage={canManage} resident={resident} />
          <PinSection residentId={residentId} items={of('pin')} canManage={canManage} resident={resident} />
        </>
      )}
    </section>
  )
}
