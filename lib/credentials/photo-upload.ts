// Reading a face photo upload: a multipart body with the photo in the field `image` (and optional validFrom /
// validTo text fields). The body is read with a hard cap whatever Content-Length says, so a client cannot make
// the server buffer more than a photo's worth; a photo over the limit is refused like any other bad photo (422).
import { FaceRejectedError } from '@/lib/credentials/enrol-face'
import { badRequest, invalidField } from '@/lib/errors'
import { FACE_RULES, fileSizeReasons } from '@/lib/faces/face-rules'

/** Room for the multipart envelope and the two date fields around a photo at the limit. */
const BODY_CAP = FACE_RULES.maxBytes + 64 * 1024

const tooLarge = (bytes: number) => new FaceRejectedError(fileSizeReasons(bytes))

async function readCapped(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > BODY_CAP) throw tooLarge(declared)
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > BODY_CAP) {
      await reader.cancel()
      throw tooLarge(total)
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return body
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : null)

export async function readPhotoUpload(request: Request) {
  const type = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw badRequest('Send the photo as multipart/form-data with the file in the field "image"')
  }
  const body = await readCapped(request)
  const form = await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => {
    throw badRequest('The multipart body could not be read')
  })
  const image = form.get('image')
  if (!image || typeof image === 'string')
    throw invalidField('image: attach the photo as a file in the field "image"', { path: 'image', reason: 'required' })
  const photo = new Uint8Array(await image.arrayBuffer())
  if (photo.length > FACE_RULES.maxBytes) throw tooLarge(photo.length)
  return { photo, validity: { validFrom: text(form.get('validFrom')), validTo: text(form.get('validTo')) } }
}
