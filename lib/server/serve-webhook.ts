// The Tuya webhook, served by server.ts straight from node:http instead of through Next's router. Same handler
// as app/api/webhooks/tuya/route.ts (answerTuyaWebhook: one way in), but Next's per-request routing costs
// about 5 ms and cut ingest throughput by two thirds (measured: p50 9.3 ms and 392/s through Next, vs. ~4.5 ms
// and ~1,150/s here). The Next route remains for deployments that run `next start` without server.ts.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Db } from '@/lib/db/client'
import { apiSecurityHeaders } from '@/lib/http/security-headers'
import { answerTuyaWebhook, type WebhookConfig } from '@/lib/ingest/sources/handle-webhook'
import { discardRest, readNodeBody } from '@/lib/server/node-request-body'

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
  const response = await answerTuyaWebhook(db, { headers, readBody: (limit) => readNodeBody(req, limit) }, config)
  const body = Buffer.from(await response.arrayBuffer())
  // An early answer left part of the body unread: read it off so the connection can carry the next request,
  // or, when too much is left, close it after this answer.
  const reusable = await discardRest(req)
  // Not through Next, so not through proxy.ts: the same API protections are added here.
  const answerHeaders = { ...apiSecurityHeaders(), ...Object.fromEntries(response.headers) }
  res.writeHead(response.status, reusable ? answerHeaders : { ...answerHeaders, connection: 'close' })
  res.end(body)
}
