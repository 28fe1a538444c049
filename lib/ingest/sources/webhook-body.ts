// Reading a webhook body with a size limit, from a fetch Request (the Next route, tests). server.ts reads from
// node:http instead (lib/server/node-request-body.ts) so it can keep the sender's connection usable.
export const BODY_TOO_LARGE = Symbol('body too large')

export type BodyRead = Buffer | typeof BODY_TOO_LARGE

/** What the webhook handler needs from a transport: headers, and the body's bytes read up to a limit. */
export type WebhookInput = {
  headers: Headers
  /** The body as received, or BODY_TOO_LARGE as soon as more than `limit` bytes have arrived. */
  readBody(limit: number): Promise<BodyRead>
}

export async function readRequestBody(request: Request, limit: number): Promise<BodyRead> {
  const reader = request.body?.getReader()
  if (!reader) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return BODY_TOO_LARGE
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size)
}

export function requestInput(request: Request): WebhookInput {
  return { headers: request.headers, readBody: (limit) => readRequestBody(request, limit) }
}
