// The enrolled photo as it is kept: re-encoded from the accepted upload's pixels, upright, as JPEG, at most
// 1024 px, with no metadata (EXIF GPS, camera serials, comments and anything appended after the image are
// dropped, because nothing of the file but its pixels is copied), plus a thumbnail for the credentials panel.
import sharp from 'sharp'
import { PIXEL_LIMIT } from '@/lib/faces/face-gate'

export const PHOTO_MAX_SIDE = 1024
export const THUMBNAIL_SIDE = 192

export type EnrolmentPhoto = { data: Buffer; thumbnail: Buffer; contentType: 'image/jpeg' }

export async function toEnrolmentPhoto(bytes: Uint8Array): Promise<EnrolmentPhoto> {
  const upright = sharp(bytes, { limitInputPixels: PIXEL_LIMIT, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
  const data = await upright
    .clone()
    .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 88, mozjpeg: true })
    .toBuffer()
  const thumbnail = await upright
    .clone()
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'cover', position: 'attention' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer()
  return { data, thumbnail, contentType: 'image/jpeg' }
}
