// The simulator's own control API under /_sim/ (documented in simulator/README.md). Not part of Tuya: it lets
// humans, tests and benchmarks drive devices, inject faults and see what happened to every message.
import { z } from 'zod'
import {
  describeDelivery,
  describeDevice,
  describePersonAcrossDevices,
  summariseDevice,
} from '@/simulator/control/describe'
import type { DemoDriver } from '@/simulator/control/demo-driver'
import { emitRaw, emitRequestSchema } from '@/simulator/control/emit-raw'
import {
  type ActiveFaults,
  type FaultsInput,
  createActiveFaults,
  faultsSchema,
  toDeviceErrorFaults,
} from '@/simulator/control/faults'
import { renderControlPage } from '@/simulator/control/control-page'
import { refuseUnsafeControlCall } from '@/simulator/control/control-guard'
import { runLoad } from '@/simulator/control/load-driver'
import { type SimContext, describeEmitted } from '@/simulator/devices/sim-context'
import { runTrigger } from '@/simulator/devices/trigger-device'
import { TRIGGER_KINDS, TriggerError } from '@/simulator/devices/trigger-kinds'
import { Router, type SimRequest, type SimResponse, jsonResponse, parseJsonBody } from '@/simulator/http/router'
import type { MqServer } from '@/simulator/mq/mq-server'
import type { RateLimiter } from '@/simulator/openapi/rate-limiter'
import type { TokenStore } from '@/simulator/openapi/token-store'
import type { WebhookPusher } from '@/simulator/webhook/webhook-pusher'

export type ControlDeps = {
  ctx: SimContext
  mq: MqServer
  webhook: WebhookPusher
  faults: ActiveFaults
  tokens: TokenStore
  limiter: () => RateLimiter
  demo: DemoDriver
}

type Handler = (req: SimRequest, params: Record<string, string>) => SimResponse | Promise<SimResponse>

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

function readBody<S extends z.ZodType>(req: SimRequest, schema: S): z.output<S> {
  let body: unknown
  try {
    body = parseJsonBody(req)
  } catch {
    throw new ControlError(400, 'bad_json', 'request body is not JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ControlError(400, 'bad_request', z.prettifyError(parsed.error))
  return parsed.data
}

const identity = z.string().min(1).max(200)
const triggerSchema = z.strictObject({
  kind: z.enum(TRIGGER_KINDS),
  residentId: identity.optional(),
  personId: identity.optional(),
  cardNo: identity.optional(),
  pin: z
    .string()
    .regex(/^\d{1,16}$/)
    .optional(),
})

const ok = (extra: Record<string, unknown> = {}) => jsonResponse(200, { ok: true, ...extra })

function applyFaults(deps: ControlDeps, input: FaultsInput) {
  const { faults } = deps
  // Validate everything before applying anything: a refused call changes nothing.
  const unknown = input.deviceErrors?.find((e) => !deps.ctx.state.devices.has(e.deviceId))
  if (unknown) throw new ControlError(400, 'bad_request', `deviceErrors: unknown device ${unknown.deviceId}`)
  if (input.rateLimit) faults.rateLimits.push(input.rateLimit)
  if (input.errors5xx) {
    const { count, probability, status, path } = input.errors5xx
    faults.errors5xx = {
      remaining: count,
      probability: count === undefined ? (probability ?? 1) : undefined,
      status,
      path,
    }
  }
  if (input.latencyMs !== undefined) faults.latencyMs = input.latencyMs
  if (input.deviceErrors) faults.deviceErrors = toDeviceErrorFaults(input.deviceErrors)
  const expiredTokens = input.expireTokens ? deps.tokens.expireAll() : undefined
  const droppedConnections = input.dropMqConnections ? deps.mq.dropConnections() : undefined
  return { faults, expiredTokens, droppedConnections }
}

export function createControlApi(deps: ControlDeps) {
  const router = new Router<Handler>()
  const { ctx } = deps

  router.on('GET', '/_sim', () => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: renderControlPage(),
  }))
  router.on('GET', '/_sim/', () => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: renderControlPage(),
  }))
  router.on('GET', '/_sim/devices', () => jsonResponse(200, [...ctx.state.devices.values()].map(summariseDevice)))
  router.on('GET', '/_sim/residents', () => jsonResponse(200, ctx.state.building.residents))
  router.on('GET', '/_sim/building', () => jsonResponse(200, ctx.state.building))
  router.on('GET', '/_sim/devices/{deviceId}', (_req, { deviceId }) => {
    const device = ctx.state.devices.get(deviceId)
    if (!device) throw new ControlError(404, 'not_found', `unknown device ${deviceId}`)
    return jsonResponse(200, describeDevice(ctx, deps.faults, device))
  })
  // 200 with no devices when nobody holds the person: "removed everywhere" is an answer, not an error.
  router.on('GET', '/_sim/persons/{personId}', (_req, { personId }) =>
    jsonResponse(200, describePersonAcrossDevices(ctx, personId)),
  )
  router.on('POST', '/_sim/devices/{deviceId}/trigger', (req, { deviceId }) => {
    const { kind, ...actor } = readBody(req, triggerSchema)
    const { messages, access } = runTrigger(ctx, deviceId, kind, actor)
    return ok({ ...access, messages: messages.map(describeEmitted) })
  })
  router.on('GET', '/_sim/faults', () => jsonResponse(200, deps.faults))
  router.on('POST', '/_sim/faults', (req) => ok(applyFaults(deps, readBody(req, faultsSchema))))
  router.on('DELETE', '/_sim/faults', () => {
    Object.assign(deps.faults, createActiveFaults())
    deps.limiter().reset()
    return ok({ faults: deps.faults })
  })
  router.on('POST', '/_sim/webhook', (req) => {
    const { url } = readBody(req, z.object({ url: z.url().nullable() }))
    deps.webhook.setUrl(url)
    return ok({ url })
  })
  router.on('POST', '/_sim/demo', (req) => {
    const { perMinute } = readBody(req, z.object({ perMinute: z.number().min(0).max(6000) }))
    deps.demo.setRate(perMinute)
    return ok({ perMinute })
  })
  router.on('GET', '/_sim/deliveries', (req) => {
    const query = new URLSearchParams(req.rawQuery)
    const since = Number(query.get('since') ?? 0)
    const state = query.get('state')
    const includePayload = query.get('payload') === '1' || query.get('payload') === 'true'
    const all = ctx.bus.listRecords()
    const counts = { pending: 0, delivered: 0, acked: 0, expired: 0 }
    for (const m of all) counts[m.mq] += 1
    const items = all
      .filter((m) => m.seq > since && (!state || m.mq === state))
      .map((m) => describeDelivery(m, includePayload))
    return jsonResponse(200, { total: all.length, counts, items })
  })
  router.on('POST', '/_sim/media', (req) => {
    const body = readBody(req, z.object({ base64: z.base64().max(8_000_000), contentType: z.string().min(1).max(200) }))
    const id = ctx.media.putImage(Buffer.from(body.base64, 'base64'), body.contentType)
    return ok({ url: ctx.media.signedImageUrl(id) })
  })
  router.on('POST', '/_sim/emit', (req) =>
    ok({ messages: [describeEmitted(emitRaw(ctx, readBody(req, emitRequestSchema)))] }),
  )
  router.on('POST', '/_sim/load', async (req) => {
    const body = readBody(
      req,
      z.object({
        count: z.number().int().min(1).max(1_000_000),
        perSecond: z.number().positive().optional(),
        wait: z.boolean().optional(),
      }),
    )
    const run = runLoad(ctx, { count: body.count, perSecond: body.perSecond })
    if (body.wait) return ok({ ...(await run) })
    run.catch(() => undefined)
    return ok({ count: body.count, started: true })
  })
  router.on('GET', '/_sim/status', () =>
    jsonResponse(200, {
      mq: {
        connections: deps.mq.connectionCount,
        event: ctx.bus.queues.event.backlog,
        'event-test': ctx.bus.queues['event-test'].backlog,
      },
      webhookUrl: deps.webhook.targetUrl,
      demoPerMinute: deps.demo.rate,
    }),
  )
  router.on('GET', '/_sim/enrolment/{file}', (_req, { file }) => {
    const residentId = file.replace(/\.jpg$/, '')
    if (!ctx.state.residents.has(residentId)) throw new ControlError(404, 'not_found', `unknown resident ${residentId}`)
    return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: ctx.snapshots.portrait(residentId) }
  })

  async function handle(req: SimRequest): Promise<SimResponse> {
    if (req.method === 'GET' && (req.rawPath.startsWith('/_sim/media/') || req.rawPath.startsWith('/_sim/files/'))) {
      const served = ctx.media.serve(req.rawPath, new URLSearchParams(req.rawQuery))
      if (!served.bytes)
        return jsonResponse(served.status, {
          ok: false,
          error: {
            code: served.status === 403 ? 'forbidden' : 'not_found',
            message: served.status === 403 ? 'signature invalid or expired' : 'no such object',
          },
        })
      return {
        status: 200,
        headers: {
          'content-type': served.contentType ?? 'application/octet-stream',
          'cache-control': 'private, max-age=60',
        },
        body: served.bytes,
      }
    }
    const refused = refuseUnsafeControlCall(req)
    if (refused) return refused
    const match = router.match(req.method, req.rawPath)
    try {
      if (!match.found)
        throw new ControlError(
          match.pathKnown ? 405 : 404,
          'not_found',
          `no control route ${req.method} ${req.rawPath}`,
        )
      return await match.handler(req, match.params)
    } catch (error) {
      if (error instanceof ControlError)
        return jsonResponse(error.status, { ok: false, error: { code: error.code, message: error.message } })
      if (error instanceof TriggerError)
        return jsonResponse(error.status, { ok: false, error: { code: 'trigger_refused', message: error.message } })
      throw error
    }
  }

  return { handle }
}
