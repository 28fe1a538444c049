'use client'
// Taking the enrolment photo with the computer's camera: a live preview and a "Take photo" button. When the
// browser refuses the camera, the admin is told why in words and what to do about it.
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import type { PhotoSource } from '@/components/faces/photo-source'
import { Button } from '@/components/ui/button'

/** getUserMedia's failures, as an admin can act on them (catalogue keys under credentials.camera). */
export function cameraProblem(error: unknown) {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  switch (name) {
    case 'NotAllowedError':
      return 'notAllowed'
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'notFound'
    case 'NotReadableError':
    case 'AbortError':
      return 'notReadable'
    case 'SecurityError':
      return 'insecure'
    default:
      return 'other'
  }
}

export function CameraCapture({ onCapture, onCancel }: { onCapture(photo: PhotoSource): void; onCancel(): void }) {
  const t = useTranslations('credentials.camera')
  const video = useRef<HTMLVideoElement>(null)
  const [problem, setProblem] = useState<ReturnType<typeof cameraProblem> | null>(null)
  const [live, setLive] = useState(false)

  useEffect(() => {
    let stream: MediaStream | null = null
    let stopped = false
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(cameraProblem(new DOMException('no mediaDevices', 'SecurityError')))
      return
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (started) => {
        stream = started
        if (stopped || !video.current) return started.getTracks().forEach((t) => t.stop())
        video.current.srcObject = started
        await video.current.play()
        setLive(true)
      })
      .catch((error: unknown) => setProblem(cameraProblem(error)))
    return () => {
      stopped = true
      stream?.getTracks().forEach((t) => t.stop())
    }
  }, [])

  const take = async () => {
    const element = video.current
    if (!element || !element.videoWidth) return
    const image = await createImageBitmap(element)
    onCapture({ image, width: image.width, height: image.height })
  }

  return (
    <div className="space-y-3">
      {problem ? (
        <p role="alert" className="rounded-md border border-warn/40 p-3 text-sm text-warn">
          {t(problem)}
        </p>
      ) : (
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('preview')}
          className="max-h-80 w-full max-w-md rounded-md bg-black"
        />
      )}
      <div className="flex gap-2">
        {!problem && (
          <Button onClick={() => void take()} disabled={!live}>
            {t('take')}
          </Button>
        )}
        <Button variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  )
}
