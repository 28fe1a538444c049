// A node:http request body read with a limit, and the rest of it discarded afterwards. An answer given before
// the body was read to its end (413, 415, 401, 503) leaves unread bytes on the connection; unless they are read
// off, the sender's next request on that keep-alive connection is parsed out of them and reset. Discarding is
// bounded: past DISCARD_LIMIT_BYTES (or DISCARD_TIMEOUT_MS) the answer says `Connection: close` instead.
import type { IncomingMessage } from 'node:http'
import { AppError } from '@/lib/errors'
import { BODY_TOO_LARGE, type BodyRead } from '@/lib/ingest/sources/webhook-body'

export const DISCARD_LIMIT_BYTES = 1024 * 1024
export const DISCARD_TIMEOUT_MS = 5_000

/** Reads up to `limit` bytes. Over it, stops collecting and pauses the request (its rest is for discardRest). */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: BodyRead | Error) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.pause()
      finish(BODY_TOO_LARGE)
    }
    const onEnd = () => finish(Buffer.concat(chunks, size))
    const onError = (error: Error) => finish(error)
    // The sender went away mid-body: nothing to verify, and no one to answer.
    const onClose = () => finish(new AppError('aborted', 'the request body did not arrive in full', 400))
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose)
  })
}

/** Reads off and drops what is left of the body. True when it ended within the bounds (the connection is reusable). */
export function discardRest(req: IncomingMessage): Promise<boolean> {
  if (req.complete) return Promise.resolve(true)
  if (Number(req.headers['content-length'] ?? 0) > DISCARD_LIMIT_BYTES) return Promise.resolve(false)
  return new Promise((resolve) => {
    let seen = 0
    const finish = (ended: boolean) => {
      clearTimeout(timer)
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure)
      if (!ended) req.pause()
      resolve(ended)
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > DISCARD_LIMIT_BYTES) finish(false)
    }
    const onEnd = () => finish(true)
    const onFailure = () => finish(false)
    const timer = setTimeout(onFailure, DISCARD_TIMEOUT_MS)
    req.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure)
    req.resume()
  })
}
