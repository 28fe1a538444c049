// Starts the Tuya Cloud simulator in-process: OpenAPI + control API over HTTP, message service over WebSocket on
// the same port, webhook pusher and demo traffic. Used by `npm run simulator`, the app in demo mode, tests, benches.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_SIM_PORT, generateTuyaCredentials } from '@/lib/tuya/demo-credentials'
import { createControlApi } from '@/simulator/control/control-api'
import { DemoDriver } from '@/simulator/control/demo-driver'
import { type EmitRequest, emitRaw } from '@/simulator/control/emit-raw'
import { createActiveFaults } from '@/simulator/control/faults'
import { type LoadOptions, type LoadResult, runLoad } from '@/simulator/control/load-driver'
import { DEMO_BUILDING, type DemoBuilding } from '@/simulator/demo-building'
import type { SimContext } from '@/simulator/devices/sim-context'
import { runTrigger, triggerDevice } from '@/simulator/devices/trigger-device'
import type { TriggerActor, TriggerKind, TriggerResult } from '@/simulator/devices/trigger-kinds'
import { type SimRequest, jsonResponse, readRawBody, splitUrl } from '@/simulator/http/router'
import { HlsStreams } from '@/simulator/media/hls-streams'
import { MediaStore } from '@/simulator/media/media-store'
import { createSnapshotPool } from '@/simulator/media/snapshot-images'
import type { EmittedMessage, MqEnv } from '@/simulator/mq/emitted-message'
import { MessageBus } from '@/simulator/mq/message-bus'
import { MqServer } from '@/simulator/mq/mq-server'
import { createOpenApiService } from '@/simulator/openapi/openapi-service'
import { TicketStore } from '@/simulator/openapi/ticket-store'
import { TokenStore } from '@/simulator/openapi/token-store'
import { type SimClock, systemClock } from '@/simulator/state/clock'
import { type SimState, createSimState } from '@/simulator/state/sim-state'
import { DEFAULT_WEBHOOK_RETRY, WebhookPusher, type WebhookRetryPolicy } from '@/simulator/webhook/webhook-pusher'
import { fetchImage as defaultFetchImage } from '@/simulator/media/fetch-image'

export type SimulatorLogger = {
  info(message: string, meta?: Record<string, unknown>): void
  warn(message: string, meta?: Record<string, unknown>): void
  error(message: string, meta?: Record<string, unknown>): void
}

const silentLogger: SimulatorLogger = { info: () => {}, warn: () => {}, error: () => {} }

export type StartSimulatorOptions = {
  /** 0 = ephemeral. Default DEFAULT_SIM_PORT (4100). */
  port?: number
  host?: string
  accessId?: string
  accessSecret?: string
  /** Project setting in Tuya's console: AES-ECB (default) or AES-GCM message encryption. */
  mqEncryption?: 'ecb' | 'gcm'
  /** Topic device messages go to; both topics accept consumers. */
  mqEnv?: MqEnv
  webhookUrl?: string | null
  /** Random demo events per minute; 0 = off. */
  demoPerMinute?: number
  building?: DemoBuilding
  logger?: SimulatorLogger
  clock?: SimClock
  /** Also push IoT Core 1001 deviceOnline/deviceOffline beside protocol 20 online/offline. */
  iotCore?: boolean
  /** Accept the legacy signature (projects created before 2021-06-30 only, docs/tuya-protocol.md §1.4). Default false. */
  allowLegacySign?: boolean
  tokenTtlSeconds?: number
  mediaUrlTtlSeconds?: number
  /** How long an allocated live-view URL plays (docs/live-view.md). Default 600. */
  streamUrlTtlSeconds?: number
  /** Unconsumed messages are dropped after this (Tuya: 2 h). */
  retentionMs?: number
  webhookRetry?: Partial<WebhookRetryPolicy>
  /** How the cloud downloads face images for enrolment; injectable for tests. */
  fetchImage?: (url: string) => Promise<Buffer>
}

export type RunningSimulator = {
  /** OpenAPI base URL, e.g. http://127.0.0.1:4100 */
  url: string
  /** Message service WebSocket base, e.g. ws://127.0.0.1:4100/ */
  mqUrl: string
  port: number
  host: string
  accessId: string
  accessSecret: string
  state: SimState
  context: SimContext
  /** A string names a demo resident; an actor can name an OpenAPI person, a card number or a PIN instead. */
  trigger(deviceId: string, kind: TriggerKind, actor?: string | TriggerActor): EmittedMessage[]
  /** Same, with the device's verdict for unlock attempts (granted for whom / refused why). */
  attempt(deviceId: string, kind: TriggerKind, actor?: TriggerActor): TriggerResult
  emit(request: EmitRequest): EmittedMessage
  load(options: LoadOptions): Promise<LoadResult>
  deliveries(): EmittedMessage[]
  setWebhookUrl(url: string | null): void
  setDemoRate(perMinute: number): void
  close(): Promise<void>
}

function send(
  res: ServerResponse,
  response: { status: number; headers?: Record<string, string>; body: string | Buffer },
): void {
  res.writeHead(response.status, response.headers)
  res.end(response.body)
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1'
  // Without a pair, a fresh random one for this run (tests read it back from the result): no fixed pair exists.
  const fresh = generateTuyaCredentials()
  const accessId = options.accessId ?? fresh.accessId
  const accessSecret = options.accessSecret ?? fresh.accessSecret
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const building = options.building ?? DEMO_BUILDING
  let baseUrl = ''

  const state = createSimState(building, clock.now())
  const bus = new MessageBus({
    accessSecret,
    mqEncryption: options.mqEncryption ?? 'ecb',
    now: () => clock.now(),
    retentionMs: options.retentionMs ?? 2 * 3600_000,
    maxRecords: 200_000,
  })
  const media = new MediaStore({
    now: () => clock.now(),
    ttlMs: (options.mediaUrlTtlSeconds ?? 600) * 1000,
    maxEntries: 20_000,
    baseUrl: () => baseUrl,
  })
  const ctx: SimContext = {
    state,
    clock,
    bus,
    media,
    snapshots: await createSnapshotPool(building.residents),
    env: options.mqEnv ?? 'event',
    iotCore: options.iotCore ?? false,
  }
  const webhook = new WebhookPusher({
    accessId,
    accessSecret,
    now: () => clock.now(),
    retry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
    concurrency: 16,
    onError: (message) => logger.warn(message),
  })
  webhook.setUrl(options.webhookUrl ?? null)
  bus.onPublished((message) => webhook.push(message))

  // Live view: allocated through the OpenAPI, played from /hls/… on this port (docs/live-view.md).
  const streams = new HlsStreams({
    now: () => clock.now(),
    ttlMs: (options.streamUrlTtlSeconds ?? 600) * 1000,
    baseUrl: () => baseUrl,
  })
  const faults = createActiveFaults()
  const tokens = new TokenStore(() => clock.now(), options.tokenTtlSeconds ?? 7200, building.ownerUid)
  const openApi = createOpenApiService({
    ctx,
    accessId,
    accessSecret,
    tokens,
    tickets: new TicketStore(() => clock.now(), accessSecret),
    fetchImage: options.fetchImage ?? defaultFetchImage,
    faults,
    allowLegacySign: options.allowLegacySign ?? false,
    streams,
    onError: (message) => logger.error(message),
  })
  const mq = new MqServer({ accessId, accessSecret, bus })
  const demo = new DemoDriver(ctx, (message) => logger.warn(message))
  const control = createControlApi({ ctx, mq, webhook, faults, tokens, limiter: () => openApi.limiter, demo })

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const { rawPath, rawQuery } = splitUrl(req.url ?? '/')
      const rawBody = await readRawBody(req)
      const simReq: SimRequest = {
        method: req.method ?? 'GET',
        rawPath,
        rawQuery,
        query: new URLSearchParams(rawQuery),
        params: {},
        headers: req.headers,
        rawBody,
      }
      if (streams.handles(rawPath)) {
        send(res, streams.serve(simReq.method, rawPath, simReq.query))
        return
      }
      send(
        res,
        rawPath === '/_sim' || rawPath.startsWith('/_sim/')
          ? await control.handle(simReq)
          : await openApi.handle(simReq),
      )
    } catch (error) {
      logger.error('simulator request failed', { error: error instanceof Error ? error.message : String(error) })
      if (!res.headersSent)
        send(res, jsonResponse(500, { ok: false, error: { code: 'internal', message: 'simulator error' } }))
    }
  })
  server.keepAliveTimeout = 30_000
  server.on('upgrade', (req, socket, head) => {
    if (!mq.handleUpgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_SIM_PORT, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  baseUrl = `http://${urlHost}:${port}`

  // Ack timeouts and retention are checked often: the work is proportional to what is due, not to the backlog.
  const sweeper = setInterval(() => bus.sweep(), 25)
  sweeper.unref()
  if (options.demoPerMinute) demo.setRate(options.demoPerMinute)
  logger.info('Tuya Cloud simulator listening', { url: baseUrl, mq: `ws://${urlHost}:${port}/` })

  return {
    url: baseUrl,
    mqUrl: `ws://${urlHost}:${port}/`,
    port,
    host,
    accessId,
    accessSecret,
    state,
    context: ctx,
    trigger: (deviceId, kind, actor) => triggerDevice(ctx, deviceId, kind, actor),
    attempt: (deviceId, kind, actor) => runTrigger(ctx, deviceId, kind, actor),
    emit: (request) => emitRaw(ctx, request),
    load: (loadOptions) => runLoad(ctx, loadOptions),
    deliveries: () => bus.listRecords(),
    setWebhookUrl: (url) => webhook.setUrl(url),
    setDemoRate: (perMinute) => demo.setRate(perMinute),
    close: async () => {
      demo.stop()
      clearInterval(sweeper)
      webhook.close()
      await mq.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
