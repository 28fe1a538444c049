'use client'
// Enrolling a resident's face: choose a photo file or take one with the camera, crop it square, check it here
// at once with the server's own rules, then upload it. The server checks it again and its reasons are shown if
// it refuses; the instant check only saves a round trip.
import { useTranslations } from 'next-intl'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ApiError } from '@/components/data/api-client'
import { faceRejectionReasons, useEnrolFace } from '@/components/data/credential-queries'
import { checkCroppedPhoto, type BrowserCheck } from '@/components/faces/browser-face-check'
import { CameraCapture } from '@/components/faces/camera-capture'
import { CropBox } from '@/components/faces/crop-box'
import {
  canvasToJpeg,
  centredSquare,
  cropToCanvas,
  MAX_SOURCE_BYTES,
  readPhotoFile,
  type PhotoSource,
  type Square,
} from '@/components/faces/photo-source'
import {
  NO_VALIDITY,
  ValidityFields,
  validityNotes,
  type ResidentWindow,
  type Validity,
} from '@/components/faces/validity-fields'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import type { FaceReason } from '@/lib/faces/face-rules'

type Step = { kind: 'choose' } | { kind: 'camera' } | { kind: 'crop'; source: PhotoSource; crop: Square }
type Checked = { photo: Blob; previewUrl: string; check: BrowserCheck | null; checkFailed: boolean }

function Reasons({ title, reasons, testId }: { title: string; reasons: FaceReason[]; testId: string }) {
  const t = useTranslations('credentials.reasons')
  return (
    <div role="alert" data-testid={testId} className="rounded-md border border-danger/50 p-3 text-sm">
      <p className="font-medium text-danger">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {reasons.map((r) => (
          <li key={r.code} data-reason={r.code}>
            {t(r.code)}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function FaceEnrolment({
  residentId,
  resident,
  onDone,
}: {
  residentId: string
  resident: ResidentWindow | undefined
  onDone(): void
}) {
  const t = useTranslations('credentials.enrol')
  const errorMessage = useErrorMessage()
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [sourceTooLarge, setSourceTooLarge] = useState(false)
  const [fileReasons, setFileReasons] = useState<FaceReason[]>([])
  const [validity, setValidity] = useState<Validity>(NO_VALIDITY)
  const [checked, setChecked] = useState<Checked | null>(null)
  const [checking, setChecking] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const enrol = useEnrolFace(residentId)
  const notes = validityNotes(validity, resident)

  useEffect(() => () => void (checked && URL.revokeObjectURL(checked.previewUrl)), [checked])

  const startCrop = (source: PhotoSource) => {
    setChecked(null)
    enrol.reset()
    setStep({ kind: 'crop', source, crop: centredSquare(source.width, source.height) })
  }

  const chooseFile = async (file: File | undefined) => {
    if (!file) return
    setFileReasons([])
    setSourceTooLarge(file.size > MAX_SOURCE_BYTES)
    if (file.size > MAX_SOURCE_BYTES) return
    const read = await readPhotoFile(file)
    if ('reasons' in read) setFileReasons(read.reasons)
    else startCrop(read)
  }

  const check = async (source: PhotoSource, crop: Square) => {
    setChecking(true)
    enrol.reset()
    try {
      const canvas = cropToCanvas(source.image, crop)
      const photo = await canvasToJpeg(canvas)
      const previewUrl = URL.createObjectURL(photo)
      const result = await checkCroppedPhoto(canvas, photo.size).then(
        (check) => ({ check, checkFailed: false }),
        () => ({ check: null, checkFailed: true }),
      )
      setChecked({ photo, previewUrl, ...result })
    } finally {
      setChecking(false)
    }
  }

  const upload = () => {
    if (!checked || notes.error) return
    enrol.mutate({ photo: checked.photo, validFrom: notes.from, validTo: notes.to }, { onSuccess: onDone })
  }

  const serverReasons = useMemo(() => faceRejectionReasons(enrol.error), [enrol.error])
  const otherError = enrol.error && !serverReasons ? enrol.error : null
  const localReasons = checked?.check?.reasons ?? []

  return (
    <section aria-label={t('region')} className="space-y-3 rounded-lg border border-border p-4">
      {step.kind === 'choose' && (
        <div className="flex flex-wrap items-center gap-2">
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-label={t('fileLabel')}
            className="sr-only"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
          <Button variant="secondary" onClick={() => fileInput.current?.click()}>
            {t('chooseFile')}
          </Button>
          <Button variant="secondary" onClick={() => setStep({ kind: 'camera' })}>
            {t('useCamera')}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            {t('cancel')}
          </Button>
          <p className="w-full text-xs text-muted">{t('guidance')}</p>
        </div>
      )}
      {sourceTooLarge && (
        <p role="alert" className="text-sm text-danger">
          {t('sourceTooLarge')}
        </p>
      )}
      {fileReasons.length > 0 && <Reasons title={t('fileRefused')} reasons={fileReasons} testId="file-reasons" />}

      {step.kind === 'camera' && <CameraCapture onCapture={startCrop} onCancel={() => setStep({ kind: 'choose' })} />}

      {step.kind === 'crop' && (
        <div className="space-y-3">
          <p className="text-sm">{t('cropHelp')}</p>
          <div className="flex flex-wrap items-start gap-4">
            <CropBox
              source={step.source}
              crop={step.crop}
              onChange={(crop) => {
                setChecked(null)
                setStep({ ...step, crop })
              }}
            />
            {checked && (
              <img
                src={checked.previewUrl}
                alt={t('preview')}
                width={160}
                height={160}
                className="rounded-md"
                data-testid="crop-preview"
              />
            )}
          </div>
          <ValidityFields value={validity} onChange={setValidity} resident={resident} />
          {checked?.check && (
            <p className="text-xs text-muted" data-testid="local-measures">
              {t('measured', { measures: checked.check.measures, backend: checked.check.backend })}
            </p>
          )}
          {checked?.checkFailed && <p className="text-sm text-warn">{t('checkUnavailable')}</p>}
          {checked?.check && localReasons.length === 0 && (
            <p className="text-sm text-ok" data-testid="local-check-ok">
              {t('passes')}
            </p>
          )}
          {localReasons.length > 0 && (
            <Reasons title={t('localRefused')} reasons={localReasons} testId="local-reasons" />
          )}
          {serverReasons && <Reasons title={t('serverRefused')} reasons={serverReasons} testId="server-reasons" />}
          {otherError && (
            <p role="alert" className="text-sm text-danger">
              {otherError instanceof ApiError && otherError.retryAfterSeconds
                ? t('retryIn', { message: errorMessage(otherError), seconds: otherError.retryAfterSeconds })
                : errorMessage(otherError)}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => void check(step.source, step.crop)} disabled={checking}>
              {checking ? t('checking') : t('check')}
            </Button>
            <Button onClick={upload} disabled={!checked || enrol.isPending || !!notes.error}>
              {enrol.isPending ? t('uploading') : localReasons.length > 0 ? t('uploadAnyway') : t('upload')}
            </Button>
            <Button variant="ghost" onClick={() => setStep({ kind: 'choose' })}>
              {t('another')}
            </Button>
          </div>
        </div>
      )}
    </section>
  )
}
