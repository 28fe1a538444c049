'use client'
// Taking the enrolment photo with the computer's camera: a live preview and a "Take photo" button. When the
// browser refuses the camera, the admin is told why in words and what to do about it.
import { useEffect, useRef, useState } from 'react'
import type { PhotoSource } from '@/components/faces/photo-source'
import { Button } from '@/components/ui/button'

/** getUserMedia's failures, as an admin can act on them. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  switch (name) {
    case 'NotAllowedError':
      return 'The browser was not allowed to use the camera. Allow camera access for this site (the camera icon in the address bar), then try again.'
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect a camera, or choose a photo file instead.'
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another application or could not be started. Close the other application and try again.'
    case 'SecurityError':
      return 'The camera can only be used when the console is opened over HTTPS (or on this computer as localhost).'
    default:
      return 'The camera could not be started. Choose a photo file instead.'
  }
}

export function CameraCapture({ onCapture, onCancel }: { onCapture(photo: PhotoSource): void; onCancel(): void }) {
  const video = useRef<HTMLVideoElement>(null)
  const [problem, setProblem] = useState<string | null>(null)
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
          {problem}
        </p>
      ) : (
        <video
          ref={video}
          muted
          playsInline
          aria-label="Camera preview"
          className="max-h-80 w-full max-w-md rounded-md bg-black"
        />
      )}
      <div className="flex gap-2">
        {!problem && (
          <Button onClick={() => void take()} disabled={!live}>
            Take photo
          </Button>
        )}
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  )
}
