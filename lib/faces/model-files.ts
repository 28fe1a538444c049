// The files the browser's face check loads (the same detector models the server uses, and tfjs's wasm binaries),
// served from the installed npm packages by GET /api/face-models/{file}, so a clean `npm ci` is all it takes.
// Only these names are served: the name is looked up, never joined into a path as given.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { notFound } from '@/lib/errors'

const FACE_API_MODELS = ['node_modules', '@vladmandic', 'face-api', 'model']
const TFJS_WASM = ['node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist']

const FILES: Record<string, { dir: string[]; contentType: string }> = {
  'ssd_mobilenetv1_model-weights_manifest.json': { dir: FACE_API_MODELS, contentType: 'application/json' },
  'ssd_mobilenetv1_model.bin': { dir: FACE_API_MODELS, contentType: 'application/octet-stream' },
  'face_landmark_68_model-weights_manifest.json': { dir: FACE_API_MODELS, contentType: 'application/json' },
  'face_landmark_68_model.bin': { dir: FACE_API_MODELS, contentType: 'application/octet-stream' },
  'tfjs-backend-wasm.wasm': { dir: TFJS_WASM, contentType: 'application/wasm' },
  'tfjs-backend-wasm-simd.wasm': { dir: TFJS_WASM, contentType: 'application/wasm' },
  'tfjs-backend-wasm-threaded-simd.wasm': { dir: TFJS_WASM, contentType: 'application/wasm' },
}

export const FACE_MODEL_FILES = Object.keys(FILES)

export async function readFaceModelFile(name: string): Promise<{ bytes: Buffer; contentType: string }> {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined
  if (!file) throw notFound('Model file')
  // Not a module for the bundler to trace: a data file read at run time from the installed package.
  const bytes = await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), ...file.dir, name))
  return { bytes, contentType: file.contentType }
}
