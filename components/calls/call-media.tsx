'use client'

// What the guard sees of the visitor. A door station's live view, allocated by the server and played with hls.js
// from our own origin (docs/live-view.md; hls.js loads only here, when a call dialog opens). Where that cannot
// be (a lock or panel without a camera stream, no Media Source Extensions, allocation or playback failing, the
// call over), the call's capture snapshot instead, re-read every few seconds while the call rings; it opens
// large on click, beside the enrolled photo of the resident the station recognised as the caller, when there is one.
import { Camera } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { openCallStream } from '@/components/data/call-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import type { CallItem } from '@/lib/calls/schema'

const SNAPSHOT_REFRESH_MS = 4_000
/** Allocations (the first, then after Tuya's URL expired or playback failed) before giving up on the live view. */
const MAX_ALLOCATIONS = 3

function isLive(call: CallItem) {
  return call.state === 'ringing' || (call.state === 'answered' && call.endedAt === null)
}

let playsHls: boolean | undefined
/** H.264 through MSE (what hls.js needs), or HLS played natively by the video element. */
function browserPlaysHls(): boolean {
  if (typeof window === 'undefined') return false
  playsHls ??=
    ('MediaSource' in window && MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"')) ||
    document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== ''
  return playsHls
}

/** Playback gave up (the message is for the guard; no server code behind it). */
class PlaybackError extends Error {}

export function CallMedia({ call }: { call: CallItem }) {
  const t = useTranslations('calls.media')
  const errorMessage = useErrorMessage()
  const [failure, setFailure] = useState<{ callId: string; reason: string } | null>(null)
  const failed = failure?.callId === call.id ? failure.reason : null
  const streams = call.deviceCategory === 'door_station' && isLive(call) && browserPlaysHls()
  if (streams && !failed) {
    const onFail = (error: unknown) =>
      setFailure({
        callId: call.id,
        reason:
          error instanceof PlaybackError
            ? t(error.message === 'unsupported' ? 'cannotPlay' : 'stopped')
            : errorMessage(error),
      })
    return <LiveView key={call.id} callId={call.id} onFail={onFail} />
  }
  return <SnapshotView call={call} note={failed} />
}

type Player = { destroy(): void }

function LiveView({ callId, onFail }: { callId: string; onFail(error: unknown): void }) {
  const t = useTranslations('calls.media')
  const video = useRef<HTMLVideoElement>(null)
  const failRef = useRef(onFail)
  useEffect(() => {
    failRef.current = onFail
  })
  useEffect(() => {
    let cancelled = false
    let player: Player | null = null
    let allocations = 0
    const fail = (error: unknown) => {
      if (!cancelled) failRef.current(error)
    }
    async function start(): Promise<void> {
      allocations++
      const stream = await openCallStream(callId)
      const element = video.current
      if (cancelled || !element) return
      const mse = 'MediaSource' in window
      if (!mse && element.canPlayType('application/vnd.apple.mpegurl') !== '') {
        element.src = stream.url
        return
      }
      const { default: Hls } = await import('hls.js')
      if (cancelled) return
      if (!Hls.isSupported()) throw new PlaybackError('unsupported')
      // No worker: the page's CSP allows no blob: scripts, and a door camera's stream is small.
      const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2, backBufferLength: 10 })
      player = hls
      let mediaRecoveries = 0
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return
        console.warn(`[live view] ${data.type} ${data.details} (${data.response?.code ?? 'no status'})`)
        // A decoder hiccup: hls.js can rebuild the media pipeline in place.
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 2) {
          mediaRecoveries++
          hls.recoverMediaError()
          return
        }
        // Anything else (Tuya's URL expired: 410, a slow or lost answer): a fresh allocation, a few times.
        hls.destroy()
        player = null
        if (allocations < MAX_ALLOCATIONS) start().catch(fail)
        else fail(new PlaybackError('stopped'))
      })
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        element.play().catch(() => undefined)
      })
      hls.loadSource(stream.url)
      hls.attachMedia(element)
    }
    start().catch(fail)
    return () => {
      cancelled = true
      player?.destroy()
    }
  }, [callId])
  return (
    <div className="relative overflow-hidden rounded-lg bg-black">
      <video
        ref={video}
        muted
        autoPlay
        playsInline
        aria-label={t('liveLabel')}
        data-testid="call-live-video"
        className="aspect-video w-full object-contain"
      />
      <span className="absolute left-2 top-2 rounded bg-danger px-1.5 py-0.5 text-[0.65rem] font-semibold uppercase text-white">
        {t('live')}
      </span>
    </div>
  )
}

function SnapshotView({ call, note }: { call: CallItem; note: string | null }) {
  const t = useTranslations('calls.media')
  const [tick, setTick] = useState(0)
  const [large, setLarge] = useState(false)
  const ringing = call.state === 'ringing'
  const caller = call.caller
  useEffect(() => {
    if (!ringing) return
    const timer = setInterval(() => setTick((n) => n + 1), SNAPSHOT_REFRESH_MS)
    return () => clearInterval(timer)
  }, [ringing])
  // Opened large, the capture stands beside the recognised resident's enrolled photo, so the guard can compare.
  const photoUrl = large ? caller?.photoUrl : null
  return (
    <div className="space-y-1" data-testid="call-snapshot-view">
      {call.snapshotUrl ? (
        <div className={caller && photoUrl ? 'grid gap-2 md:grid-cols-2' : undefined}>
          <button
            type="button"
            onClick={() => setLarge((v) => !v)}
            aria-expanded={large}
            aria-label={large ? t('shrink') : t('enlarge')}
            className="block w-full overflow-hidden rounded-lg bg-black"
          >
            <img
              src={`${call.snapshotUrl}?v=${tick}`}
              alt={t('visitorAt', { device: call.deviceName ?? '—' })}
              data-testid="call-snapshot"
              className={`mx-auto w-full object-contain ${large ? 'max-h-[75vh]' : 'max-h-72'}`}
            />
          </button>
          {caller && photoUrl && <EnrolledPhoto caller={caller} photoUrl={photoUrl} />}
        </div>
      ) : (
        <div className="flex aspect-video w-full items-center justify-center rounded-lg bg-panel-2 text-sm text-muted">
          <Camera size={20} aria-hidden className="mr-2" /> {t('waitingPicture')}
        </div>
      )}
      {caller && (
        <p className="text-sm font-medium" data-testid="call-caller">
          {caller.unit
            ? t('recognisedInUnit', { name: caller.name, unit: caller.unit })
            : t('recognised', { name: caller.name })}
        </p>
      )}
      <p className="text-xs text-muted">
        {note ? t('noLiveView', { reason: note }) : call.deviceCategory !== 'door_station' ? t('noCameraStream') : null}{' '}
        {ringing ? t('refreshing') : t('capture')}
      </p>
    </div>
  )
}

type Caller = NonNullable<CallItem['caller']>

/** The resident's enrolled face photo (the signed-in photo route), with their name and unit from the register. */
function EnrolledPhoto({ caller, photoUrl }: { caller: Caller; photoUrl: string }) {
  const t = useTranslations('calls.media')
  return (
    <figure className="overflow-hidden rounded-lg bg-black" data-testid="call-enrolled">
      <img
        src={photoUrl}
        alt={t('enrolledPhotoOf', { name: caller.name })}
        data-testid="call-enrolled-photo"
        className="mx-auto max-h-[75vh] w-full object-contain"
      />
      <figcaption className="bg-panel-2 px-2 py-1 text-sm">
        {caller.unit ? t('callerInUnit', { name: caller.name, unit: caller.unit }) : caller.name}
      </figcaption>
    </figure>
  )
}
