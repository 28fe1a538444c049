import { readFaceModelFile } from '@/lib/faces/model-files'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ file: string }>('credentials.manage', async ({ params }) => {
  const { bytes, contentType } = await readFaceModelFile(params.file)
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': contentType, 'cache-control': 'private, max-age=86400' },
  })
})
