import type { Db } from '@/lib/db/client'
import { notFound } from '@/lib/errors'

/** The stored image (or its thumbnail); 404 until it has been fetched. */
export async function readSnapshotImage(db: Db, id: string, size: 'full' | 'thumb') {
  const row = await db.snapshot.findUnique({
    where: { id },
    select: { state: true, contentType: true, data: size === 'full', thumbnail: size === 'thumb' },
  })
  const bytes = size === 'full' ? row?.data : row?.thumbnail
  if (!row || row.state !== 'stored' || !bytes) throw notFound('Snapshot')
  return { bytes, contentType: size === 'thumb' ? 'image/jpeg' : (row.contentType ?? 'image/jpeg') }
}
