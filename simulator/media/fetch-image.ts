// How the simulated cloud downloads a face image given by URL (docs/tuya-devices.md §3.3).
const MAX_IMAGE_BYTES = 5 * 1024 * 1024

export async function fetchImage(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'follow' })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const bytes = Buffer.from(await response.arrayBuffer())
  if (bytes.length > MAX_IMAGE_BYTES) throw new Error('image larger than 5 MiB')
  return bytes
}
