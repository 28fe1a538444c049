// The environment, validated once with zod (README "Configuration"). A missing or malformed variable
// stops start-up with one clear line naming it. Read lazily: `next build` imports route modules.
import { z } from 'zod'
import { parseAddressSet } from '@/lib/net/ip-ranges'
import { originAsAllowedHost, parseAllowedHostList } from '@/lib/snapshots/allowed-hosts'
import { DEFAULT_SIM_PORT, ensureDemoTuyaCredentials, type TuyaCredentials } from '@/lib/tuya/demo-credentials'

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0–65535')
    .max(65535, 'must be 0–65535')
    .default(fallback)

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be ${min}–${max}`)
    .max(max, `must be ${min}–${max}`)

const url = (protocols: RegExp, hint: string) =>
  z.string().refine((value) => protocols.test(value) && URL.canParse(value), `must be a ${hint} URL`)

/** A comma-separated list, each entry checked by `parse` (which throws naming the bad entry). */
const list = <T>(parse: (entries: string[]) => T, hint: string) =>
  z.string().transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    try {
      parse(entries)
      return entries
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `must be ${hint}: ${(error as Error).message}` })
      return z.NEVER
    }
  })

const rawSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port(3000),
  /** Unset: 127.0.0.1 in demo mode (the demo's credentials open doors only on this machine), else all interfaces. */
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => /^file:.+/.test(v) || (/^postgres(ql)?:\/\//.test(v) && URL.canParse(v)), {
      message: 'must be file:<path> (SQLite) or postgresql://… (PostgreSQL)',
    })
    .default('file:./data/console.db'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  REDIS_URL: url(/^rediss?:\/\//, 'redis://').optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_URL: url(/^https?:\/\//, 'http(s)://').optional(),
  TUYA_ACCESS_ID: z
    .string()
    .regex(/^[A-Za-z0-9]{6,64}$/, 'must be the cloud project Access ID (letters and digits)')
    .optional(),
  TUYA_ACCESS_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,64}$/, 'must be the cloud project Access Secret (letters and digits)')
    .optional(),
  TUYA_OPENAPI_URL: url(/^https?:\/\//, 'http(s)://').optional(),
  TUYA_MQ_URL: url(/^wss?:\/\//, 'ws(s)://').optional(),
  TUYA_MQ_ENV: z.enum(['event', 'event-test']).default('event'),
  SIM_PORT: port(DEFAULT_SIM_PORT),
  SIM_DEMO_RATE: z.coerce.number({ error: 'must be a number of events per minute' }).min(0).max(60_000).optional(),
  /** Set to 0 to disable the message-service consumer (webhook-only deployments). */
  TUYA_MQ_ENABLED: z.enum(['0', '1']).default('1'),
  /** Hosts snapshots may be fetched from besides Tuya's media hosts (and the simulator in demo mode). */
  SNAPSHOT_ALLOWED_HOSTS: list((entries) => parseAllowedHostList(entries.join(',')), 'comma-separated host[:port]')
    .optional()
    .default([]),
  /** Peers whose X-Forwarded-For is believed (a reverse proxy in front of the console). */
  TRUSTED_PROXIES: list(parseAddressSet, 'comma-separated addresses or CIDR ranges').optional().default([]),
  /** Unset: the defaults in lib/server/http-limits.ts and lib/ingest/ingest-writer.ts. */
  HTTP_MAX_CONNECTIONS: whole(1, 1_000_000).optional(),
  INGEST_QUEUE_LIMIT: whole(1, 1_000_000).optional(),
  /** Where Tuya Cloud downloads enrolled face photos from (docs/door-sync.md); unset: the console's own address. */
  PUBLIC_BASE_URL: url(/^https?:\/\//, 'http(s)://').optional(),
  /** Door pushes in flight at once (lib/sync/sync-worker.ts). */
  SYNC_CONCURRENCY: whole(1, 64).default(4),
})

export type AppEnv = ReturnType<typeof parseEnv>

export class EnvError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
    this.name = 'EnvError'
  }
}

export type ParseEnvOptions = {
  /** Where demo mode gets its pair when TUYA_ACCESS_ID/SECRET are unset (default: generated once under ./data). */
  demoCredentials?: () => TuyaCredentials
}

/** Names what a configuration lacks for its Tuya credentials, one line (or none). */
function credentialProblems(raw: z.infer<typeof rawSchema>, cloudVars: string[]): string[] {
  const missing = [
    ...(raw.TUYA_ACCESS_ID ? [] : ['TUYA_ACCESS_ID']),
    ...(raw.TUYA_ACCESS_SECRET ? [] : ['TUYA_ACCESS_SECRET']),
  ]
  if (!missing.length) return []
  if (cloudVars.length) {
    return [
      `${missing.join(' and ')}: required when ${cloudVars.join(' or ')} is set (your cloud project's Access ID and Access Secret)`,
    ]
  }
  // Demo mode with half a pair: the simulator runs with the pair given, so both halves are needed.
  if (missing.length === 1) {
    const given = missing[0] === 'TUYA_ACCESS_ID' ? 'TUYA_ACCESS_SECRET' : 'TUYA_ACCESS_ID'
    return [`${missing[0]}: required with ${given} (the built-in simulator runs with the pair given)`]
  }
  return []
}

/**
 * Parses an environment; throws EnvError with one line per bad variable. Pure apart from demo mode without
 * credentials, which reads (or on the first start writes) the generated pair: tests pass their own record and
 * `demoCredentials`.
 */
export function parseEnv(source: Record<string, string | undefined>, options: ParseEnvOptions = {}) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = rawSchema.safeParse(cleaned)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
    )
  }
  const raw = result.data
  const lines: string[] = []
  // Demo mode: no cloud configured → the built-in simulator is the Tuya Cloud.
  const cloudVars = (['TUYA_OPENAPI_URL', 'TUYA_MQ_URL'] as const).filter((name) => raw[name])
  const demo = cloudVars.length === 0
  lines.push(...credentialProblems(raw, cloudVars))
  if (!demo && !raw.AUTH_SECRET) lines.push('AUTH_SECRET: required outside demo mode (at least 32 random characters)')
  if (raw.TUYA_MQ_URL && !raw.TUYA_OPENAPI_URL) lines.push('TUYA_OPENAPI_URL: required when TUYA_MQ_URL is set')
  if (lines.length) throw new EnvError(lines)

  const { TUYA_ACCESS_ID: accessId, TUYA_ACCESS_SECRET: accessSecret } = raw
  const configured = Boolean(accessId && accessSecret)
  const credentials: TuyaCredentials =
    accessId && accessSecret ? { accessId, accessSecret } : (options.demoCredentials ?? ensureDemoTuyaCredentials)()

  const simUrl = `http://127.0.0.1:${raw.SIM_PORT}`
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: raw.DATABASE_URL,
    databaseProvider: raw.DATABASE_URL.startsWith('file:') ? ('sqlite' as const) : ('postgresql' as const),
    sqliteSynchronous: raw.SQLITE_SYNCHRONOUS,
    redisUrl: raw.REDIS_URL,
    authSecret: raw.AUTH_SECRET,
    publicUrl: raw.NEXTAUTH_URL,
    demo,
    tuya: {
      ...credentials,
      /** Where the pair came from: the environment, or generated for this installation (demo mode only). */
      credentialSource: configured ? ('environment' as const) : ('generated' as const),
      openApiUrl: raw.TUYA_OPENAPI_URL ?? simUrl,
      mqUrl: raw.TUYA_MQ_URL ?? (demo ? `ws://127.0.0.1:${raw.SIM_PORT}/` : undefined),
      mqEnv: raw.TUYA_MQ_ENV,
      mqEnabled: raw.TUYA_MQ_ENABLED === '1',
    },
    maxConnections: raw.HTTP_MAX_CONNECTIONS,
    ingestQueueLimit: raw.INGEST_QUEUE_LIMIT,
    simulator: {
      port: raw.SIM_PORT,
      demoPerMinute: raw.SIM_DEMO_RATE ?? (demo ? 4 : 0),
    },
    snapshots: {
      allowedHosts: [
        ...parseAllowedHostList(raw.SNAPSHOT_ALLOWED_HOSTS.join(',')),
        ...(demo ? [originAsAllowedHost(simUrl)] : []),
      ],
    },
    trustedProxies: raw.TRUSTED_PROXIES,
    sync: {
      concurrency: raw.SYNC_CONCURRENCY,
      /**
       * Face photo URLs must be reachable by Tuya Cloud. Demo mode: the built-in simulator downloads them from this
       * machine. With a real cloud, PUBLIC_BASE_URL, else NEXTAUTH_URL; null when neither is set (faces then fail
       * with `no_public_url` instead of sending an address Tuya cannot reach).
       */
      faceBaseUrl:
        raw.PUBLIC_BASE_URL ?? (demo ? `http://${loopbackOf(raw.HOST)}:${raw.PORT}` : (raw.NEXTAUTH_URL ?? null)),
    },
  }
}

/** The console's own address as a client on this machine reaches it. */
function loopbackOf(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

const store = globalThis as unknown as { __appEnv?: AppEnv }

/** The process environment, parsed once. */
export function getEnv(): AppEnv {
  store.__appEnv ??= parseEnv(process.env)
  return store.__appEnv
}
