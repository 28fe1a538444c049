// The webhook sender side of the ingest bench: realistic vendor accessRecord payloads (face unlock by a known
// resident, unique recordId, capture URL) signed the way Tuya signs callbacks (lib/tuya/webhook/webhook-signature.ts).
import { Agent, request } from 'node:http'
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'
import { DEMO_BUILDING } from '@/simulator/demo-building'

type Enrolled = { devId: string; productKey: string; userId: string; userName: string }

const ENROLLED: Enrolled[] = DEMO_BUILDING.devices
  .filter((d) => d.model !== 'lock')
  .flatMap((d) =>
    d.persons.flatMap((p) => {
      const resident = DEMO_BUILDING.residents.find((r) => r.id === p.residentId)
      return resident && p.faceId
        ? [{ devId: d.id, productKey: d.productId, userId: resident.tuyaPersonId, userName: resident.name }]
        : []
    }),
  )

/** A face unlock as a vendor face terminal reports it; `recordId` unique per run and index. */
export function accessRecordPayload(runId: string, index: number, now = Date.now()): string {
  const who = ENROLLED[index % ENROLLED.length]
  const recordId = `${runId}-${index}`
  return JSON.stringify({
    bizCode: 'accessRecord',
    bizData: {
      devId: who.devId,
      recordId,
      way: 4,
      success: true,
      userId: who.userId,
      userName: who.userName,
      time: now,
      imageUrl: `http://127.0.0.1:9/_sim/media/${recordId}.jpg?expires=${now + 600_000}&sig=bench`,
      imageId: `img-${recordId}`,
    },
    devId: who.devId,
    productKey: who.productKey,
    ts: now,
  })
}

export type WebhookSender = { post(body: string): Promise<number>; close(): void }

export function createWebhookSender(
  port: number,
  credentials: { accessId: string; accessSecret: string },
  maxSockets: number,
): WebhookSender {
  const agent = new Agent({ keepAlive: true, maxSockets })
  return {
    post(body) {
      const t = String(Date.now())
      const sign = signWebhook({ secret: credentials.accessSecret, clientId: credentials.accessId, t, body })
      return new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/webhooks/tuya',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              client_id: credentials.accessId,
              t,
              sign,
            },
            timeout: 30_000,
          },
          (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          },
        )
        req.on('timeout', () => req.destroy(new Error('webhook post timed out')))
        req.on('error', reject)
        req.end(body)
      })
    },
    close: () => agent.destroy(),
  }
}
