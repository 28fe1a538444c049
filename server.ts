// One process, one port: Next (App Router) + socket.io + the Tuya event sources (+ the simulator in demo mode).
import next from 'next'
import { ensureAuthSecret } from '@/lib/auth/auth-secret'
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '@/lib/auth/client-address'
import { disconnectDb, readyDb } from '@/lib/db/client'
import { migrateDatabase } from '@/lib/db/migrate'
import { EnvError, getEnv } from '@/lib/env'
import { parseAddressSet } from '@/lib/net/ip-ranges'
import { configureIngestQueue } from '@/lib/ingest/ingest-writer'
import { attachLiveServer } from '@/lib/realtime/attach-live-server'
import { updateAppStatus } from '@/lib/server/app-status'
import { createShutdown } from '@/lib/server/graceful-shutdown'
import { createLimitedServer, DEFAULT_HTTP_LIMITS } from '@/lib/server/http-limits'
import { startDemoCloud } from '@/lib/server/start-demo-cloud'
import { isWebhookRequest, serveWebhook } from '@/lib/server/serve-webhook'
import { startTuyaSources } from '@/lib/server/start-tuya-sources'

async function main() {
  const env = getEnv()
  process.env.NEXTAUTH_SECRET = ensureAuthSecret(env.authSecret)
  process.env.NEXTAUTH_URL ??= env.publicUrl ?? `http://localhost:${env.port}`
  await migrateDatabase(env.databaseUrl)
  const db = await readyDb()
  if (env.ingestQueueLimit) configureIngestQueue(db, { maxMessages: env.ingestQueueLimit })
  updateAppStatus({ migrated: true, demo: env.demo })
  const cloud = env.demo ? await startDemoCloud(env, db, process.env.NEXTAUTH_SECRET) : undefined

  const dev = env.nodeEnv !== 'production'
  const app = next({ dev, hostname: env.host, port: env.port })
  await app.prepare()
  const handle = app.getRequestHandler()
  const webhookConfig = { accessId: env.tuya.accessId, accessSecret: env.tuya.accessSecret }
  const trustedProxies = parseAddressSet(env.trustedProxies)
  const limits = { ...DEFAULT_HTTP_LIMITS, maxConnections: env.maxConnections ?? DEFAULT_HTTP_LIMITS.maxConnections }
  const server = createLimitedServer(limits, (req, res) => {
    if (isWebhookRequest(req))
      return void serveWebhook(req, res, db, webhookConfig).catch(() => res.writeHead(500).end())
    // Rate limits and the audit trail use the socket's address (X-Forwarded-For only via TRUSTED_PROXIES).
    const forwardedFor = req.headers['x-forwarded-for']
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, forwardedFor, trustedProxies)
    void handle(req, res)
  })
  const io = await attachLiveServer(server, db, { redisUrl: env.redisUrl })
  updateAppStatus({ realtime: true })
  const sources = await startTuyaSources(env, db)
  server.listen(env.port, env.host, () =>
    console.log(
      `> Console ready on http://localhost:${env.port} (${dev ? 'dev' : 'production'}, listening on ${env.host})`,
    ),
  )

  const shutdown = createShutdown({ server, db, sources, live: io, cloud, disconnect: disconnectDb })
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error) => {
  if (error instanceof EnvError) {
    for (const line of error.lines) console.error(`Configuration error: ${line}`)
  } else {
    console.error('Start-up failed:', error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
