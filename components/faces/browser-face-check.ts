// The enrolment dialog's instant check of a cropped photo, with the server's rules (lib/faces/face-rules.ts) and
// the same detector models (served by /api/face-models/). Advisory only: the server checks every upload again.
// face-api and tfjs (~1.3 MB) are imported here on first use only, so they never enter any page's first load.
// Backends in order: WebGL (GPU, no CSP change), then wasm (needs 'wasm-unsafe-eval'), then plain JS.
import {
  dimensionReasons,
  faceReasons,
  FACE_RULES,
  fileSizeReasons,
  fitWithin,
  laplacianVariance,
  lightReasons,
  meanLuma,
  toGrey,
  type DetectedFace,
  type FaceReason,
} from '@/lib/faces/face-rules'
import { apiPaths } from '@/lib/http/api-paths'

type FaceApi = typeof import('@vladmandic/face-api')

/** The parts of tfjs the bundled face-api exposes at run time but does not declare in its types. */
type BackendControls = {
  setBackend(name: string): Promise<boolean>
  ready(): Promise<void>
  getBackend(): string
  setWasmPaths(prefix: string): void
}

function hasBackendControls(tf: object): tf is BackendControls {
  return ['setBackend', 'ready', 'getBackend', 'setWasmPaths'].every(
    (name) => typeof Reflect.get(tf, name) === 'function',
  )
}

let loading: Promise<{ faceapi: FaceApi; backend: string }> | undefined

async function load() {
  const faceapi = await import('@vladmandic/face-api')
  const tf: object = faceapi.tf
  if (!hasBackendControls(tf)) throw new Error('this face-api build does not expose tfjs backends')
  tf.setWasmPaths(apiPaths.faceModels())
  let backend = ''
  for (const name of ['webgl', 'wasm', 'cpu']) {
    if (await tf.setBackend(name).catch(() => false)) {
      backend = name
      break
    }
  }
  await tf.ready()
  await faceapi.nets.ssdMobilenetv1.loadFromUri(apiPaths.faceModels())
  await faceapi.nets.faceLandmark68Net.loadFromUri(apiPaths.faceModels())
  return { faceapi, backend: backend || tf.getBackend() }
}

/** Loads face-api, a backend and the two models once per page. */
export function loadFaceApi() {
  loading ??= load().catch((error: unknown) => {
    loading = undefined // a failed load is tried again on the next photo
    throw error
  })
  return loading
}

export type BrowserCheck = {
  reasons: FaceReason[]
  backend: string
  /** What was measured, shown with the result: "480×480 px · light 143 · sharpness 123". */
  measures: string
}

/**
 * Checks a cropped square photo (a canvas at its native size) the way the server will: size, light, focus at
 * the shared analysis scale, then one large frontal face.
 */
export async function checkCroppedPhoto(photo: HTMLCanvasElement, encodedBytes: number): Promise<BrowserCheck> {
  const sizeProblems = [...fileSizeReasons(encodedBytes), ...dimensionReasons(photo.width, photo.height)]
  const size = `${photo.width}×${photo.height} px`
  if (sizeProblems.length > 0) return { reasons: sizeProblems, backend: 'none', measures: size }
  const { width, height } = fitWithin(photo.width, photo.height, FACE_RULES.sharpnessSide)
  const analysis = document.createElement('canvas')
  analysis.width = width
  analysis.height = height
  const context = analysis.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('no 2D canvas')
  context.imageSmoothingQuality = 'high'
  context.drawImage(photo, 0, 0, width, height)
  const pixels = context.getImageData(0, 0, width, height).data
  const brightness = meanLuma(pixels, 4)
  const sharpness = laplacianVariance(toGrey(pixels, 4), width, height)
  const light = lightReasons(brightness, sharpness)

  const { faceapi, backend } = await loadFaceApi()
  const detected = await faceapi
    .detectAllFaces(analysis, new faceapi.SsdMobilenetv1Options({ minConfidence: FACE_RULES.minFaceScore }))
    .withFaceLandmarks()
  const faces: DetectedFace[] = detected.map((f) => ({
    score: f.detection.score,
    box: { x: f.detection.box.x, y: f.detection.box.y, width: f.detection.box.width, height: f.detection.box.height },
    landmarks: f.landmarks.positions.map((p) => ({ x: p.x, y: p.y })),
  }))
  const found = faceReasons(faces, width, height)
  const measures = [
    size,
    `light ${Math.round(brightness)}`,
    `sharpness ${Math.round(sharpness)}`,
    `${faces.length} face${faces.length === 1 ? '' : 's'}`,
    ...(found.face ? [`face ${Math.round(found.face.faceSize * 100)}%`] : []),
  ].join(' · ')
  return { reasons: [...light, ...found.reasons], backend, measures }
}
