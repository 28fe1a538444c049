// The detector's worker pool: bounded admission (503 with a retry hint, before any work), one inference at a
// time, and a hung or crashed worker replaced instead of taking every later photo down with it.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFaceDetector, FaceCheckBusyError } from '@/lib/faces/face-detector'

const fixture = (name: string) => path.join(__dirname, 'fixtures', name)
const blank = (side: number) => new Uint8Array(side * side * 3).fill(200)

describe('createFaceDetector', () => {
  it('refuses a photo beyond maxInFlight at once with a retry hint, and admits again once one finishes', async () => {
    const detector = createFaceDetector({ workerFile: fixture('silent-worker.mjs'), maxInFlight: 2 })
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = detector.admit(() => held)
    const second = detector.admit(() => held)
    const ran: string[] = []
    const third = detector.admit(async () => void ran.push('third'))
    await expect(third).rejects.toBeInstanceOf(FaceCheckBusyError)
    await expect(third).rejects.toMatchObject({ status: 503, retryAfterSeconds: expect.any(Number) })
    expect(ran).toEqual([])
    release()
    await Promise.all([first, second])
    await detector.admit(async () => void ran.push('after'))
    expect(ran).toEqual(['after'])
    await detector.close()
  })

  it('gives up on a worker that does not answer, and starts a fresh one for the next photo', async () => {
    const detector = createFaceDetector({ workerFile: fixture('silent-worker.mjs'), timeoutMs: 300 })
    const first = detector.detect(blank(8), 8, 8)
    const second = detector.detect(blank(8), 8, 8)
    const messageOf = (job: Promise<unknown>) =>
      job.then(
        () => 'resolved',
        (error: Error) => error.message,
      )
    expect(await messageOf(first)).toMatch(/did not answer/)
    // The second photo went to a new worker and timed out there: the old worker's exit ("stopped") did not fail it.
    expect(await messageOf(second)).toMatch(/did not answer/)
    await detector.close()
  })

  it('reports a crashed worker as unavailable, not as "no face"', async () => {
    const detector = createFaceDetector({ workerFile: fixture('crashing-worker.mjs') })
    await expect(detector.detect(blank(8), 8, 8)).rejects.toMatchObject({
      code: 'face_check_unavailable',
      status: 503,
    })
    await detector.close()
  })

  it('answers with no face for a blank image, through the real worker', { timeout: 60_000 }, async () => {
    const detector = createFaceDetector()
    await expect(detector.detect(blank(64), 64, 64)).resolves.toEqual([])
    await expect(detector.detect(blank(64), 64, 63)).rejects.toThrow(/width × height × 3/)
    await detector.close()
  })
})
