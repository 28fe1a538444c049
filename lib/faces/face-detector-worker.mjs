// The face detector's own thread (started by lib/faces/face-detector.ts): one inference takes about a second
// on the wasm backend (about ten on tfjs's plain-JS cpu backend), and it must never stall ingest, the live sockets
// or other requests on the main thread. Plain JavaScript because Node starts it directly, outside Next's bundles
// and without a TypeScript loader. Loads the backend and the two models once, then answers
// {id, width, height, rgb} with {id, faces} or {id, error}. Models: SSD MobileNet v1 (face boxes) and the 68-point
// landmark net, both shipped inside the @vladmandic/face-api package.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parentPort } from 'node:worker_threads'

const require = createRequire(import.meta.url)
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js')
const wasmBackend = require('@tensorflow/tfjs-backend-wasm')
const tf = faceapi.tf

const MODEL_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model')
const WASM_DIR =
  path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep
const MIN_CONFIDENCE = 0.5

/**
 * The wasm backend fetches its binary, and Node's fetch refuses file paths: the platform's fetch is taught to read
 * the binaries from disk (only those). Falls back to the cpu backend if wasm cannot start here.
 */
async function startBackend() {
  const platform = tf.env().platform
  const platformFetch = platform.fetch.bind(platform)
  platform.fetch = async (url, init) =>
    typeof url === 'string' && url.startsWith(WASM_DIR)
      ? new Response(await readFile(url), { headers: { 'content-type': 'application/wasm' } })
      : platformFetch(url, init)
  wasmBackend.setWasmPaths(WASM_DIR, true)
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  return tf.getBackend()
}

async function start() {
  const backend = await startBackend()
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR)
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR)
  return backend
}

const ready = start()
ready.then(
  (backend) => parentPort?.postMessage({ type: 'ready', backend }),
  (error) => parentPort?.postMessage({ type: 'failed', error: String(error?.message ?? error) }),
)

async function detect({ width, height, rgb }) {
  await ready
  const input = tf.tensor3d(new Uint8Array(rgb), [height, width, 3], 'int32')
  try {
    const found = await faceapi
      .detectAllFaces(input, new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_CONFIDENCE }))
      .withFaceLandmarks()
    return found.map((f) => ({
      score: f.detection.score,
      box: { x: f.detection.box.x, y: f.detection.box.y, width: f.detection.box.width, height: f.detection.box.height },
      landmarks: f.landmarks.positions.map((p) => ({ x: p.x, y: p.y })),
    }))
  } finally {
    input.dispose()
  }
}

parentPort?.on('message', (job) => {
  detect(job).then(
    (faces) => parentPort?.postMessage({ type: 'result', id: job.id, faces }),
    (error) => parentPort?.postMessage({ type: 'result', id: job.id, error: String(error?.message ?? error) }),
  )
})
