import { getFaceDetector } from '@/lib/faces/face-detector'
import { enrolFace } from '@/lib/credentials/enrol-face'
import { faceErrorResponse } from '@/lib/credentials/face-error-response'
import { readPhotoUpload } from '@/lib/credentials/photo-upload'
import { auditContextOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('credentials.manage', async ({ db, actor, request, params }) => {
  try {
    const { photo, validity } = await readPhotoUpload(request)
    const context = auditContextOf(request)
    const item = await enrolFace(db, actor, params.id, photo, validity, context, getFaceDetector())
    return Response.json(item, { status: 201 })
  } catch (error) {
    return faceErrorResponse(error)
  }
})
