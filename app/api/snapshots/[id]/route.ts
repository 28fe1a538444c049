import { withPermission } from '@/lib/http/with-permission'
import { readSnapshotImage } from '@/lib/snapshots/data'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ id: string }>('snapshots.read', async ({ db, request, params }) => {
  const size = new URL(request.url).searchParams.get('size') === 'thumb' ? 'thumb' : 'full'
  const image = await readSnapshotImage(db, params.id, size)
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'content-type': image.contentType,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
      // Should a browser ever render it as a document anyway: no script, no style, no fetch, opaque origin.
      'content-security-policy': "default-src 'none'; sandbox",
    },
  })
})
