// The server's face detector: one worker thread (face-detector-worker.mjs) that loads the models once and runs
// one inference at a time, so a 1–2 s detection never blocks the main thread (ingest, sockets, other requests).
// Admission is bounded: at most `maxInFlight` photos are being checked or waiting; the next one is refused at
// once with 503 + Retry-After rather than queued without end. A worker that crashes or hangs is replaced on the
// next photo. One per process (on globalThis: server.ts and Next's route bundles are separate module graphs).
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import type { DetectedFace } from '@/lib/faces/face-rules'

export class FaceCheckBusyError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('busy', 'The face checker is busy with other photos; try again in a few seconds', 503, {
      retryAfterSeconds,
    })
  }
}

export const faceCheckUnavailable = (why: string) =>
  new AppError('face_check_unavailable', `The face checker is not available (${why}); try again later`, 503)

export type FaceDetector = {
  /** Runs `task` if there is room, else throws FaceCheckBusyError before doing anything. */
  admit<T>(task: () => Promise<T>): Promise<T>
  /** Faces in an RGB image (3 bytes per pixel, rows top to bottom). */
  detect(rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]>
  close(): Promise<void>
}

export type FaceDetectorOptions = {
  workerFile?: string
  /** Photos being checked or waiting for the worker. */
  maxInFlight?: number
  /** A detection that takes longer has hung: the worker is replaced. Includes the first model load. */
  timeoutMs?: number
}

const pointSchema = z.object({ x: z.number(), y: z.number() })
const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), backend: z.string() }),
  z.object({ type: z.literal('failed'), error: z.string() }),
  z.object({
    type: z.literal('result'),
    id: z.number(),
    error: z.string().optional(),
    faces: z
      .array(
        z.object({
          score: z.number(),
          box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
          landmarks: z.array(pointSchema),
        }),
      )
      .optional(),
  }),
])

type Pending = {
  worker: Worker
  resolve(faces: DetectedFace[]): void
  reject(error: Error): void
  timer: NodeJS.Timeout
}

/** Resolved at run time from the repository root: Next's bundles have no stable __dirname. */
const DEFAULT_WORKER_FILE = () =>
  path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'faces', 'face-detector-worker.mjs')

export function createFaceDetector(options: FaceDetectorOptions = {}): FaceDetector {
  const maxInFlight = options.maxInFlight ?? 4
  const timeoutMs = options.timeoutMs ?? 60_000
  let inFlight = 0
  let worker: Worker | null = null
  let nextId = 0
  let chain: Promise<unknown> = Promise.resolve()
  const pending = new Map<number, Pending>()

  /** Fails the jobs given to `target` (every job when null); later jobs go to a fresh worker. */
  const failJobs = (target: Worker | null, error: Error) => {
    for (const [id, job] of pending) {
      if (target && job.worker !== target) continue
      clearTimeout(job.timer)
      pending.delete(id)
      job.reject(error)
    }
  }

  const retire = (target: Worker, error: Error) => {
    if (worker === target) worker = null
    failJobs(target, error)
    void target.terminate()
  }

  function spawn(): Worker {
    // Started by path at run time. Reflect.construct instead of `new Worker(…)`: the bundler takes the latter for
    // a worker entry to bundle, and with a run-time path would trace the whole repository into the route.
    const started: Worker = Reflect.construct(Worker, [options.workerFile ?? DEFAULT_WORKER_FILE()])
    started.unref() // never keeps a stopping process alive
    started.on('message', (raw: unknown) => {
      const message = workerMessageSchema.safeParse(raw)
      if (!message.success) return retire(started, faceCheckUnavailable('unexpected answer from the detector'))
      if (message.data.type === 'failed') return retire(started, faceCheckUnavailable(message.data.error))
      if (message.data.type !== 'result') return
      const job = pending.get(message.data.id)
      if (!job) return
      pending.delete(message.data.id)
      clearTimeout(job.timer)
      if (message.data.error || !message.data.faces) job.reject(faceCheckUnavailable(message.data.error ?? 'no result'))
      else job.resolve(message.data.faces)
    })
    started.on('error', (error) => retire(started, faceCheckUnavailable(error.message)))
    started.on('exit', () => retire(started, faceCheckUnavailable('the detector stopped')))
    return started
  }

  function runOne(rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]> {
    worker ??= spawn()
    const target = worker
    const id = ++nextId
    return new Promise<DetectedFace[]>((resolve, reject) => {
      const timer = setTimeout(() => retire(target, faceCheckUnavailable('the detector did not answer')), timeoutMs)
      pending.set(id, { worker: target, resolve, reject, timer })
      // A copy the worker owns: the caller's buffer stays usable.
      const copy = new Uint8Array(rgb)
      target.postMessage({ type: 'detect', id, width, height, rgb: copy.buffer }, [copy.buffer])
    })
  }

  return {
    async admit(task) {
      if (inFlight >= maxInFlight) throw new FaceCheckBusyError(Math.max(2, inFlight * 2))
      inFlight++
      try {
        return await task()
      } finally {
        inFlight--
      }
    },
    detect(rgb, width, height) {
      if (rgb.length !== width * height * 3) return Promise.reject(new Error('detect: rgb is not width × height × 3'))
      // One inference at a time: each waits for the one before, whatever its outcome.
      const result = chain.then(() => runOne(rgb, width, height))
      chain = result.catch(() => undefined)
      return result
    },
    async close() {
      const current = worker
      worker = null
      failJobs(null, faceCheckUnavailable('the detector was closed'))
      if (current) await current.terminate()
    },
  }
}

const store = globalThis as unknown as { __faceDetector?: FaceDetector }

/** The process-wide detector, started on first use. */
export function getFaceDetector(): FaceDetector {
  store.__faceDetector ??= createFaceDetector()
  return store.__faceDetector
}
