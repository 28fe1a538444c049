// Pictures the simulated devices uploaded: plain JPEGs behind expiring signed URLs (like a CDN URL in an
// `imageUrl`), and encrypted objects in "buckets" that only movement-configs turns into a signed URL. The object
// layout is Tuya's stored-image format (lib/tuya/media/image-crypto.ts, docs/tuya-devices.md §1.5).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { encryptStoredImage } from '@/lib/tuya/media/image-crypto'
import { createShortId, randomHex } from '@/simulator/state/ids'

export type StoredFileRef = { bucket: string; path: string; key: string }

type MediaEntry = { bytes: Buffer; createdAt: number; contentType?: string }

export type MediaStoreOptions = { now: () => number; ttlMs: number; maxEntries: number; baseUrl: () => string }

export const SIM_BUCKET = 'ty-sim-storage30-pic'

export class MediaStore {
  private readonly images = new Map<string, MediaEntry>()
  /** Enrolled face pictures: held as long as the device holds the face, outside the eviction budget. */
  private readonly pinned = new Map<string, MediaEntry>()
  private readonly files = new Map<string, MediaEntry>()
  private readonly signingKey = randomBytes(32)

  constructor(private readonly options: MediaStoreOptions) {}

  /**
   * Stores a plain JPEG and returns its id. `contentType` lets a test make the "device" lie about what it
   * uploaded (e.g. HTML sent as image/jpeg, or an image sent as text/html).
   */
  putImage(bytes: Buffer, contentType = 'image/jpeg'): string {
    const id = createShortId('img')
    this.remember(this.images, id, bytes, contentType)
    return id
  }

  getImage(id: string): Buffer | undefined {
    return (this.images.get(id) ?? this.pinned.get(id))?.bytes
  }

  /** Stores a picture a device keeps (an enrolled face) until `release`; snapshot churn never evicts it. */
  putPinnedImage(bytes: Buffer, contentType = 'image/jpeg'): string {
    const id = createShortId('img')
    this.pinned.set(id, { bytes, createdAt: this.options.now(), contentType })
    return id
  }

  release(id: string): void {
    this.pinned.delete(id)
  }

  /** Stores an encrypted copy under a device path, the way IPC firmwares upload captures. */
  putEncryptedFile(deviceId: string, plain: Buffer): StoredFileRef {
    const key = randomHex(8)
    const path = `/${deviceId}/${this.options.now()}${randomHex(2)}.jpeg`
    this.remember(this.files, `${SIM_BUCKET}${path}`, encryptStoredImage(plain, key))
    return { bucket: SIM_BUCKET, path, key }
  }

  hasFile(bucket: string, path: string): boolean {
    return this.files.has(`${bucket}${path}`)
  }

  signedImageUrl(id: string): string {
    return this.sign(`/_sim/media/${id}.jpg`)
  }

  signedFileUrl(bucket: string, path: string): string {
    return this.sign(`/_sim/files/${bucket}${path}`)
  }

  /** Serves `/_sim/media/{id}.jpg` or `/_sim/files/{bucket}/{path}`: 403 when unsigned or expired, 404 unknown. */
  serve(pathname: string, query: URLSearchParams): { status: number; bytes?: Buffer; contentType?: string } {
    const expires = Number(query.get('expires'))
    const sig = query.get('sig') ?? ''
    if (!Number.isFinite(expires) || !this.verify(pathname, expires, sig) || expires < this.options.now()) {
      return { status: 403 }
    }
    const media = /^\/_sim\/media\/([^/]+)\.jpg$/.exec(pathname)
    if (media) {
      const entry = this.images.get(media[1]) ?? this.pinned.get(media[1])
      return entry ? { status: 200, bytes: entry.bytes, contentType: entry.contentType } : { status: 404 }
    }
    const file = /^\/_sim\/files\/(.+)$/.exec(pathname)
    const entry = file ? this.files.get(file[1]) : undefined
    return entry ? { status: 200, bytes: entry.bytes, contentType: 'application/octet-stream' } : { status: 404 }
  }

  private sign(pathname: string): string {
    const expires = this.options.now() + this.options.ttlMs
    return `${this.options.baseUrl()}${pathname}?expires=${expires}&sig=${this.mac(pathname, expires)}`
  }

  private mac(pathname: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${pathname}\n${expires}`).digest('hex')
  }

  private verify(pathname: string, expires: number, sig: string): boolean {
    const expected = Buffer.from(this.mac(pathname, expires))
    const given = Buffer.from(sig)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  private remember(map: Map<string, MediaEntry>, id: string, bytes: Buffer, contentType?: string): void {
    map.set(id, { bytes, createdAt: this.options.now(), contentType })
    if (map.size > this.options.maxEntries) {
      const oldest = map.keys().next().value
      if (oldest !== undefined) map.delete(oldest)
    }
  }
}
