'use client'
// A resident's faces, cards and PIN on their page. Admins (credentials.manage) enrol and remove them; everyone
// who may read residents sees them, with card numbers masked and a PIN shown only as "set". Each credential may
// have its own validity window, and the admin is warned when it reaches outside the resident's.
import { CreditCard, KeyRound, ScanFace } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState, type ReactNode } from 'react'
import { useAddCard, useAddPin, useCredentials, useRevokeCredential } from '@/components/data/credential-queries'
import { FaceEnrolment } from '@/components/faces/face-enrolment'
import type { ResidentWindow } from '@/components/faces/validity-fields'
import { CredentialForm } from '@/components/residents/credential-form'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { useFormatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import type { CredentialItem } from '@/lib/credentials/schema'
import { apiPaths } from '@/lib/http/api-paths'

/** "Valid … – …" for a credential's own window, in the page's language and the building's time. */
function useValidityText() {
  const t = useTranslations('credentials')
  const formatTime = useFormatTime()
  return (item: CredentialItem) => {
    if (!item.validFrom && !item.validUntil) return t('alwaysValid')
    if (!item.validUntil) return t('validFromOnly', { from: formatTime(item.validFrom) })
    if (!item.validFrom) return t('validUntilOnly', { until: formatTime(item.validUntil) })
    return t('validBetween', { from: formatTime(item.validFrom), until: formatTime(item.validUntil) })
  }
}

/** What each credential section is given: the resident, their credentials of its kind, and the reader's rights. */
type SectionProps = {
  residentId: string
  items: CredentialItem[]
  canManage: boolean
  resident: ResidentWindow | undefined
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

function RemoveButton({ residentId, item }: { residentId: string; item: CredentialItem }) {
  const t = useTranslations('credentials')
  const revoke = useRevokeCredential(residentId)
  return (
    <ConfirmButton
      label={t('remove')}
      question={t(`removeQuestion.${item.kind}`)}
      confirmLabel={t('remove')}
      variant="danger"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate({ kind: item.kind, credentialId: item.id })}
    />
  )
}

function FacesSection({ residentId, items, canManage, resident }: SectionProps) {
  const t = useTranslations('credentials.faces')
  const formatTime = useFormatTime()
  const validityText = useValidityText()
  const [enrolling, setEnrolling] = useState(false)
  return (
    <Section title={t('title')} icon={<ScanFace size={16} aria-hidden />}>
      {items.length === 0 && <p className="text-sm text-muted">{t('none')}</p>}
      <ul className="space-y-2">
        {items.map((item) =>
          item.kind === 'face' ? (
            <li key={item.id} data-testid="face-credential" className="flex items-center gap-3">
              <SnapshotThumb
                url={item.photoId ? apiPaths.snapshot(item.photoId) : null}
                alt={t('thumbAlt')}
                size={64}
              />
              <div className="min-w-0 flex-1 text-sm">
                <p>
                  {item.quality
                    ? t('quality', {
                        width: item.quality.width,
                        height: item.quality.height,
                        face: Math.round(item.quality.faceSize * 100),
                        light: item.quality.brightness,
                        sharpness: item.quality.sharpness,
                      })
                    : t('photo')}
                </p>
                <p className="text-xs text-muted">
                  {t('enrolled', { at: formatTime(item.createdAt) })} · {validityText(item)}
                </p>
              </div>
              {canManage && <RemoveButton residentId={residentId} item={item} />}
            </li>
          ) : null,
        )}
      </ul>
      {canManage &&
        (enrolling ? (
          <FaceEnrolment residentId={residentId} resident={resident} onDone={() => setEnrolling(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setEnrolling(true)}>
            {t('enrol')}
          </Button>
        ))}
    </Section>
  )
}

function CardsSection({ residentId, items, canManage, resident }: SectionProps) {
  const t = useTranslations('credentials.cards')
  const validityText = useValidityText()
  const add = useAddCard(residentId)
  const [cardNo, setCardNo] = useState('')
  const fieldId = `card-${residentId}`
  return (
    <Section title={t('title')} icon={<CreditCard size={16} aria-hidden />}>
      {items.length === 0 && <p className="text-sm text-muted">{t('none')}</p>}
      <ul className="space-y-2">
        {items.map((item) =>
          item.kind === 'card' ? (
            <li key={item.id} data-testid="card-credential" className="flex items-center gap-3 text-sm">
              <span className="font-mono">{item.cardNo}</span>
              <span className="flex-1 text-xs text-muted">{validityText(item)}</span>
              {canManage && <RemoveButton residentId={residentId} item={item} />}
            </li>
          ) : null,
        )}
      </ul>
      {canManage && (
        <CredentialForm
          formLabel={t('form')}
          fieldLabel={t('number')}
          fieldId={fieldId}
          field={
            <input
              id={fieldId}
              value={cardNo}
              onChange={(e) => setCardNo(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="rounded-md border border-border bg-panel-2 px-2 py-1 font-mono text-sm"
            />
          }
          submitLabel={t('add')}
          ready={!!cardNo.trim()}
          pending={add.isPending}
          error={add.error}
          resident={resident}
          onSubmit={(window, clearWindow) =>
            add.mutate({ cardNo, ...window }, { onSuccess: () => (setCardNo(''), clearWindow()) })
          }
        />
      )}
    </Section>
  )
}

function PinSection({ residentId, items, canManage, resident }: SectionProps) {
  const t = useTranslations('credentials.pin')
  const formatTime = useFormatTime()
  const validityText = useValidityText()
  const add = useAddPin(residentId)
  const [pin, setPin] = useState('')
  const fieldId = `pin-${residentId}`
  return (
    <Section title={t('title')} icon={<KeyRound size={16} aria-hidden />}>
      {items.length === 0 && <p className="text-sm text-muted">{t('none')}</p>}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id} data-testid="pin-credential" className="flex items-center gap-3 text-sm">
            <span>{t('setOn', { at: formatTime(item.createdAt) })}</span>
            <span className="flex-1 text-xs text-muted">{validityText(item)}</span>
            {canManage && <RemoveButton residentId={residentId} item={item} />}
          </li>
        ))}
      </ul>
      {canManage && items.length === 0 && (
        <CredentialForm
          formLabel={t('form')}
          fieldLabel={t('new')}
          fieldId={fieldId}
          field={
            <input
              id={fieldId}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              className="w-32 rounded-md border border-border bg-panel-2 px-2 py-1 font-mono text-sm"
            />
          }
          hint={t('hint')}
          submitLabel={t('set')}
          ready={pin.length >= 6}
          pending={add.isPending}
          error={add.error}
          resident={resident}
          // The field is emptied whatever the answer: the PIN is typed once and never kept in the page.
          onSubmit={(window) => add.mutate({ pin, ...window }, { onSettled: () => setPin('') })}
        />
      )}
    </Section>
  )
}

export function CredentialsPanel({ residentId, canManage }: { residentId: string; canManage: boolean }) {
  const t = useTranslations('credentials')
  const errorMessage = useErrorMessage()
  const credentials = useCredentials(residentId)
  const items = credentials.data?.items ?? []
  const resident = credentials.data?.resident
  const of = (kind: CredentialItem['kind']) => items.filter((item) => item.kind === kind)
  return (
    <section aria-label={t('title')} data-resident={residentId} className="space-y-6">
      <h2 className="text-base font-semibold">{t('title')}</h2>
      {credentials.isError && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(credentials.error)}
        </p>
      )}
      {credentials.isPending ? (
        <p className="text-sm text-muted">{t('loading')}</p>
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
