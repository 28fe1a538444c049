import type { Db } from '@/lib/db/client'
import { notFound } from '@/lib/errors'
import { sniffImageType } from '@/lib/snapshots/sniff-image'

/**
 * The stored image (or its thumbnail); 404 until it has been fetched. The type is read from the bytes again
 * here, not from the stored column: a row whose bytes are not JPEG/PNG/WebP (e.g. stored by an older version
 * that trusted the remote Content-Type) is never served.
 */
export async function readSnapshotImage(db: Db, id: string, size: 'full' | 'thumb') {
  const row = await db.snapshot.findUnique({
    where: { id },
    select: { state: true, data: size === 'full', thumbnail: size === 'thumb' },
  })
  const bytes = size === 'full' ? row?.data : row?.thumbnail
  const contentType = bytes ? sniffImageType(bytes) : undefined
  if (!row || row.state !== 'stored' || !bytes || !contentType) throw notFound('Snapshot')
  return { bytes, contentType }
}
