// The two face-enrolment refusals whose HTTP answer carries more than `{code, message}`: a refused photo (422,
// with every reason) and a busy checker (503 with Retry-After). Anything else is left to the route guard's mapper.
import { FaceRejectedError } from '@/lib/credentials/enrol-face'
import { FaceCheckBusyError } from '@/lib/faces/face-detector'
import type { FaceRejection } from '@/lib/credentials/schema'

export function faceErrorResponse(error: unknown): Response {
  if (error instanceof FaceRejectedError) {
    const body: FaceRejection = { error: { code: 'face_rejected', message: error.message, reasons: error.reasons } }
    return Response.json(body, { status: 422 })
  }
  if (error instanceof FaceCheckBusyError) {
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: 503, headers: { 'retry-after': String(error.retryAfterSeconds) } },
    )
  }
  throw error
}
