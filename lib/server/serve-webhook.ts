// The Tuya webhook, served by server.ts straight from node:http instead of through Next's router. Same handler
// as app/api/webhooks/tuya/route.ts (handleTuyaWebhook: one way in), but Next's per-request routing costs
// about 5 ms and cut ingest throughput by two thirds (measured: p50 9.3 ms and 392/s through Next, vs. ~4.5 ms
// and ~1,150/s here). The Next route remains for deployments that run `next start` without server.ts.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { Db } from '@/lib/db/client'
import { apiSecurityHeaders } from '@/lib/http/security-headers'
import { handleTuyaWebhook, type WebhookConfig } from '@/lib/ingest/sources/handle-webhook'

export const WEBHOOK_PATH = '/api/webhooks/tuya'

export function isWebhookRequest(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.url === WEBHOOK_PATH || req.url?.startsWith(`${WEBHOOK_PATH}?`) === true)
}

export async function serveWebhook(
  req: IncomingMessage,
  res: ServerResponse,
  db: Db,
  config: WebhookConfig,
): Promise<void> {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
  // Streamed, so handleTuyaWebhook's 256 KiB limit stops reading an oversized body early.
  const request = new Request(`http://localhost${req.url}`, {
    method: 'POST',
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit)
  const response = await handleTuyaWebhook(db, request, config)
  // Not through Next, so not through proxy.ts: the same API protections are added here.
  res.writeHead(response.status, { ...apiSecurityHeaders(), ...Object.fromEntries(response.headers) })
  res.end(Buffer.from(await response.arrayBuffer()))
}
