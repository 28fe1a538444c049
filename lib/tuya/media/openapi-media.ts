// Image references → bytes (docs/tuya-devices.md §1.5, §2.5, §2.7): a DP value names a bucket, a path
// and a key; movement-configs signs the path; the object is fetched and decrypted. Signed URLs expire, so the
// caller stores the bytes.
import { z } from 'zod'
import { fetchSnapshotBytes, type SnapshotFetchPolicy } from '@/lib/snapshots/fetch-snapshot-bytes'
import { sniffImageType } from '@/lib/snapshots/sniff-image'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { decryptStoredImage, looksLikeImage } from '@/lib/tuya/media/image-crypto'
import type { TuyaRequest } from '@/lib/tuya/openapi/openapi-client'

const imageReferenceSchema = z.looseObject({
  bucket: z.string(),
  files: z.array(z.tuple([z.string(), z.string()]).rest(z.unknown())).min(1),
})

export type StoredImageReference = { bucket: string; filePath: string; key: string }

/** Parses an image DP value: base64 of {"bucket","files":[[path, key], …]} (§1.5 step 1). */
export function parseImageReference(dpValue: string): StoredImageReference[] {
  const json: unknown = JSON.parse(Buffer.from(dpValue, 'base64').toString('utf8'))
  const ref = imageReferenceSchema.parse(json)
  return ref.files.map(([filePath, key]) => ({ bucket: ref.bucket, filePath, key }))
}

export type FetchedImage = { bytes: Buffer; contentType: string | undefined; wasEncrypted: boolean }

export function createMediaApi(request: TuyaRequest, mediaPolicy: SnapshotFetchPolicy) {
  /**
   * Downloads a (possibly encrypted) object from an allowed media host only (lib/snapshots/fetch-snapshot-bytes.ts:
   * the URL came from a device message). `key` given and bytes not already an image ⇒ decrypt. The type is
   * what the bytes are, never the remote Content-Type.
   */
  async function fetchStoredImage({ url, key }: { url: string; key?: string }): Promise<FetchedImage> {
    const bytes = await fetchSnapshotBytes(url, mediaPolicy)
    if (!key || looksLikeImage(bytes)) return { bytes, contentType: sniffImageType(bytes), wasEncrypted: false }
    const plain = decryptStoredImage(bytes, key)
    return { bytes: plain, contentType: sniffImageType(plain), wasEncrypted: true }
  }

  return {
    /** movement-configs → signed URL (§2.7). */
    signStoredImage: (deviceId: string, bucket: string, filePath: string) =>
      request({
        method: 'GET',
        path: TUYA_PATHS.movementConfigs(deviceId),
        query: { bucket, file_path: filePath },
        schema: z.string().url(),
      }),
    fetchStoredImage,
    async resolveStoredImage(
      deviceId: string,
      ref: StoredImageReference,
    ): Promise<FetchedImage & { signedUrl: string }> {
      const signedUrl = await request({
        method: 'GET',
        path: TUYA_PATHS.movementConfigs(deviceId),
        query: { bucket: ref.bucket, file_path: ref.filePath },
        schema: z.string().url(),
      })
      return { ...(await fetchStoredImage({ url: signedUrl, key: ref.key })), signedUrl }
    },
  }
}
