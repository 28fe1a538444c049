// `npm run simulator`: the Tuya Cloud simulator on its own. Env: SIM_PORT (4100), TUYA_ACCESS_ID /
// TUYA_ACCESS_SECRET (both, or neither: then the pair generated for this installation under ./data, the one the
// console uses in demo mode), SIM_DEMO_RATE (events/min, 0 = off), SIM_WEBHOOK_URL, SIM_MQ_ENCRYPTION.
import { z } from 'zod'
import { DEFAULT_SIM_PORT, DEMO_CREDENTIALS_FILE, ensureDemoTuyaCredentials } from '@/lib/tuya/demo-credentials'
import { type SimulatorLogger, startSimulator } from '@/simulator/start-simulator'

const envSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_SIM_PORT),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  TUYA_ACCESS_ID: z.string().min(1).optional(),
  TUYA_ACCESS_SECRET: z.string().length(32, 'must be the 32-character Access Secret').optional(),
  SIM_DEMO_RATE: z.coerce.number().min(0).default(0),
  SIM_WEBHOOK_URL: z.url().optional(),
  SIM_MQ_ENCRYPTION: z.enum(['ecb', 'gcm']).default('ecb'),
  SIM_MQ_ENV: z.enum(['event', 'event-test']).default('event'),
})

const logger: SimulatorLogger = {
  info: (message, meta) => console.log(`[simulator] ${message}`, meta ? JSON.stringify(meta) : ''),
  warn: (message, meta) => console.warn(`[simulator] ${message}`, meta ? JSON.stringify(meta) : ''),
  error: (message, meta) => console.error(`[simulator] ${message}`, meta ? JSON.stringify(meta) : ''),
}

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    console.error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`)
    process.exit(1)
  }
  const env = parsed.data
  if (Boolean(env.TUYA_ACCESS_ID) !== Boolean(env.TUYA_ACCESS_SECRET)) {
    console.error('Invalid environment: set both TUYA_ACCESS_ID and TUYA_ACCESS_SECRET, or neither')
    process.exit(1)
  }
  const credentials =
    env.TUYA_ACCESS_ID && env.TUYA_ACCESS_SECRET
      ? { accessId: env.TUYA_ACCESS_ID, accessSecret: env.TUYA_ACCESS_SECRET }
      : ensureDemoTuyaCredentials()
  const sim = await startSimulator({
    port: env.SIM_PORT,
    host: env.SIM_HOST,
    ...credentials,
    demoPerMinute: env.SIM_DEMO_RATE,
    webhookUrl: env.SIM_WEBHOOK_URL ?? null,
    mqEncryption: env.SIM_MQ_ENCRYPTION,
    mqEnv: env.SIM_MQ_ENV,
    logger,
  })
  console.log(`Tuya Cloud simulator
  OpenAPI         ${sim.url}
  Message service ${sim.mqUrl}ws/v2/consumer/persistent/${sim.accessId}/out/${env.SIM_MQ_ENV}/${sim.accessId}-sub
  Control page    ${sim.url}/_sim/
  Access ID       ${sim.accessId} (${env.TUYA_ACCESS_ID ? 'TUYA_ACCESS_ID' : `secret in data/${DEMO_CREDENTIALS_FILE}`})
  Encryption      AES-${env.SIM_MQ_ENCRYPTION.toUpperCase()}  demo ${env.SIM_DEMO_RATE}/min  webhook ${env.SIM_WEBHOOK_URL ?? 'off'}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`[simulator] ${signal}: closing`)
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[simulator] close failed', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

void main()
