import { recordSnapshotView } from '@/lib/audit/record-view'
import { auditContextOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { readSnapshotImage } from '@/lib/snapshots/data'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ id: string }>('snapshots.read', async ({ db, actor, request, params }) => {
  const size = new URL(request.url).searchParams.get('size') === 'thumb' ? 'thumb' : 'full'
  const image = await readSnapshotImage(db, params.id, size)
  // Opening a face at full size is audited (folded per viewer and image); list thumbnails are not.
  if (size === 'full')
    await recordSnapshotView(
      db,
      { actor: { userId: actor.userId, label: actor.email }, context: auditContextOf(request) },
      params.id,
    )
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'content-type': image.contentType,
      // A full-size view must reach the server to be audited; thumbnails may be cached.
      'cache-control': size === 'full' ? 'private, no-cache' : 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
      // Should a browser ever render it as a document anyway: no script, no style, no fetch, opaque origin.
      'content-security-policy': "default-src 'none'; sandbox",
    },
  })
})
