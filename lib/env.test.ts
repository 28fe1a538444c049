// The environment contract (README "Configuration"): defaults, demo vs cloud mode, and one clear line
// naming each missing or malformed variable.
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '@/lib/env'
import { DEFAULT_SIM_PORT } from '@/lib/tuya/demo-credentials'

/** Stands for the pair demo mode generates under ./data (lib/tuya/demo-credentials.test.ts covers that). */
const GENERATED = { accessId: 'generatedid000000001', accessSecret: 'generatedsecret00000000000000001' }
const parse = (source: Record<string, string | undefined>) => parseEnv(source, { demoCredentials: () => GENERATED })

const CLOUD = {
  TUYA_OPENAPI_URL: 'https://openapi.tuyaeu.com',
  TUYA_MQ_URL: 'wss://mqe.tuyaeu.com:8285/',
  TUYA_ACCESS_ID: 'abcdef1234567890abcd',
  TUYA_ACCESS_SECRET: '0123456789abcdef0123456789abcdef',
  AUTH_SECRET: 'a-production-secret-of-at-least-32-chars',
}

function linesOf(source: Record<string, string | undefined>): string[] {
  try {
    parse(source)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return (error as EnvError).lines
  }
  throw new Error('expected parseEnv to reject')
}

describe('parseEnv', () => {
  it('starts in demo mode with documented defaults from an empty environment', () => {
    const env = parse({})
    expect(env).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'file:./data/console.db',
      databaseProvider: 'sqlite',
      redisUrl: undefined,
      demo: true,
      host: '127.0.0.1',
      tuya: {
        ...GENERATED,
        credentialSource: 'generated',
        openApiUrl: `http://127.0.0.1:${DEFAULT_SIM_PORT}`,
        mqUrl: `ws://127.0.0.1:${DEFAULT_SIM_PORT}/`,
        mqEnv: 'event',
      },
      simulator: { port: DEFAULT_SIM_PORT },
    })
    expect(env.simulator.demoPerMinute).toBeGreaterThan(0)
  })

  it('treats empty strings as unset', () => {
    expect(parse({ PORT: '', DATABASE_URL: '', REDIS_URL: '' })).toMatchObject({ port: 3000, redisUrl: undefined })
  })

  it('reads PORT, SIM_PORT, SIM_DEMO_RATE=0 and a PostgreSQL DATABASE_URL', () => {
    const env = parse({
      PORT: '8080',
      SIM_PORT: '4199',
      SIM_DEMO_RATE: '0',
      DATABASE_URL: 'postgresql://console:pw@db.internal:5432/console',
      REDIS_URL: 'redis://cache:6379',
    })
    expect(env).toMatchObject({ port: 8080, databaseProvider: 'postgresql', redisUrl: 'redis://cache:6379' })
    expect(env.simulator).toEqual({ port: 4199, demoPerMinute: 0 })
    expect(env.tuya.openApiUrl).toBe('http://127.0.0.1:4199')
  })

  it('switches to cloud mode when TUYA_OPENAPI_URL is set, with no demo traffic', () => {
    const env = parse({ ...CLOUD, TUYA_MQ_ENV: 'event-test' })
    expect(env.demo).toBe(false)
    expect(env.tuya).toMatchObject({
      ...{ accessId: CLOUD.TUYA_ACCESS_ID, openApiUrl: CLOUD.TUYA_OPENAPI_URL },
      mqEnv: 'event-test',
    })
    expect(env.simulator.demoPerMinute).toBe(0)
    expect(env.authSecret).toBe(CLOUD.AUTH_SECRET)
  })

  it('refuses a cloud URL without the cloud credentials, in one line naming what is missing', () => {
    const { AUTH_SECRET } = CLOUD
    expect(linesOf({ TUYA_OPENAPI_URL: CLOUD.TUYA_OPENAPI_URL, AUTH_SECRET })).toEqual([
      "TUYA_ACCESS_ID and TUYA_ACCESS_SECRET: required when TUYA_OPENAPI_URL is set (your cloud project's Access ID and Access Secret)",
    ])
    const { TUYA_ACCESS_ID: _id, ...withoutId } = CLOUD
    expect(linesOf(withoutId)).toEqual([
      "TUYA_ACCESS_ID: required when TUYA_OPENAPI_URL or TUYA_MQ_URL is set (your cloud project's Access ID and Access Secret)",
    ])
    const { TUYA_ACCESS_SECRET: _secret, ...withoutSecret } = CLOUD
    expect(linesOf(withoutSecret)).toEqual([
      "TUYA_ACCESS_SECRET: required when TUYA_OPENAPI_URL or TUYA_MQ_URL is set (your cloud project's Access ID and Access Secret)",
    ])
    // The message-service URL alone is a cloud URL too: it never falls back to demo credentials.
    expect(linesOf({ TUYA_MQ_URL: CLOUD.TUYA_MQ_URL, AUTH_SECRET })).toEqual([
      "TUYA_ACCESS_ID and TUYA_ACCESS_SECRET: required when TUYA_MQ_URL is set (your cloud project's Access ID and Access Secret)",
      'TUYA_OPENAPI_URL: required when TUYA_MQ_URL is set',
    ])
  })

  it('requires AUTH_SECRET outside demo mode', () => {
    const { AUTH_SECRET: _auth, ...withoutAuth } = CLOUD
    expect(linesOf(withoutAuth)).toEqual(['AUTH_SECRET: required outside demo mode (at least 32 random characters)'])
  })

  it('runs the built-in simulator with TUYA_ACCESS_ID/TUYA_ACCESS_SECRET when they are set without a cloud URL', () => {
    const pinned = { TUYA_ACCESS_ID: CLOUD.TUYA_ACCESS_ID, TUYA_ACCESS_SECRET: CLOUD.TUYA_ACCESS_SECRET }
    const env = parseEnv(pinned, {
      demoCredentials: () => {
        throw new Error('no pair is generated when one is given')
      },
    })
    expect(env).toMatchObject({ demo: true, host: '127.0.0.1' })
    expect(env.tuya).toMatchObject({
      accessId: CLOUD.TUYA_ACCESS_ID,
      accessSecret: CLOUD.TUYA_ACCESS_SECRET,
      credentialSource: 'environment',
      openApiUrl: `http://127.0.0.1:${DEFAULT_SIM_PORT}`,
    })
    expect(linesOf({ TUYA_ACCESS_ID: CLOUD.TUYA_ACCESS_ID })).toEqual([
      'TUYA_ACCESS_SECRET: required with TUYA_ACCESS_ID (the built-in simulator runs with the pair given)',
    ])
  })

  it('listens on 127.0.0.1 in demo mode unless HOST is set, and on every interface with a cloud', () => {
    expect(parse({}).host).toBe('127.0.0.1')
    expect(parse({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
    expect(parse(CLOUD).host).toBe('0.0.0.0')
    expect(parse({ ...CLOUD, HOST: '10.0.0.5' }).host).toBe('10.0.0.5')
  })

  it.each([
    ['PORT', 'abc', 'PORT: must be a port number'],
    ['PORT', '70000', 'PORT: must be 0–65535'],
    ['PORT', '80.5', 'PORT: must be a whole number'],
    ['SIM_PORT', 'x', 'SIM_PORT: must be a port number'],
    ['DATABASE_URL', 'mysql://db/console', 'DATABASE_URL: must be file:<path> (SQLite) or postgresql://… (PostgreSQL)'],
    ['DATABASE_URL', './data/console.db', 'DATABASE_URL: must be file:<path> (SQLite) or postgresql://… (PostgreSQL)'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL: must be a redis:// URL'],
    ['REDIS_URL', 'http://cache:6379', 'REDIS_URL: must be a redis:// URL'],
    ['AUTH_SECRET', 'short', 'AUTH_SECRET: must be at least 32 characters'],
    ['TUYA_MQ_ENV', 'prod', 'TUYA_MQ_ENV:'],
    ['SIM_DEMO_RATE', 'lots', 'SIM_DEMO_RATE: must be a number of events per minute'],
    [
      'SNAPSHOT_ALLOWED_HOSTS',
      'https://cdn.example.com',
      'SNAPSHOT_ALLOWED_HOSTS: must be comma-separated host[:port]',
    ],
    ['SNAPSHOT_ALLOWED_HOSTS', 'nvr.lan:99999', 'SNAPSHOT_ALLOWED_HOSTS: must be comma-separated host[:port]'],
    ['TRUSTED_PROXIES', 'proxy.internal', 'TRUSTED_PROXIES: must be comma-separated addresses or CIDR ranges'],
    ['TRUSTED_PROXIES', '10.0.0.0/40', 'TRUSTED_PROXIES: must be comma-separated addresses or CIDR ranges'],
    ['HTTP_MAX_CONNECTIONS', 'lots', 'HTTP_MAX_CONNECTIONS: must be a whole number'],
    ['HTTP_MAX_CONNECTIONS', '0', 'HTTP_MAX_CONNECTIONS: must be 1–1000000'],
    ['INGEST_QUEUE_LIMIT', '2.5', 'INGEST_QUEUE_LIMIT: must be a whole number'],
  ])('rejects %s=%s with one line naming it', (name, value, line) => {
    const lines = linesOf({ [name]: value })
    expect(lines).toHaveLength(1)
    expect(lines[0].startsWith(line)).toBe(true)
    expect(lines[0]).not.toContain('\n')
  })

  it('reads the connection cap and the ingest queue limit, unset by default', () => {
    expect(parse({})).toMatchObject({ maxConnections: undefined, ingestQueueLimit: undefined })
    expect(parse({ HTTP_MAX_CONNECTIONS: '200', INGEST_QUEUE_LIMIT: '500' })).toMatchObject({
      maxConnections: 200,
      ingestQueueLimit: 500,
    })
  })

  it('reports every bad variable, one line each', () => {
    const lines = linesOf({ PORT: 'abc', DATABASE_URL: 'nope', REDIS_URL: 'nope' })
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'REDIS_URL'])
  })

  it('accepts rediss:// and file: URLs with a query string', () => {
    expect(parse({ REDIS_URL: 'rediss://user:pw@cache:6380', DATABASE_URL: 'file:/tmp/x.db?mode=rwc' })).toMatchObject({
      redisUrl: 'rediss://user:pw@cache:6380',
      databaseProvider: 'sqlite',
    })
  })

  it('allows snapshots from Tuya and the listed hosts, plus the simulator origin in demo mode only', () => {
    const listed = 'nvr.building.lan:8080, *.cdn.example.com'
    const demo = parseEnv({ SIM_PORT: '4199', SNAPSHOT_ALLOWED_HOSTS: listed })
    expect(demo.snapshots.allowedHosts.map((e) => [e.host, e.port])).toEqual([
      ['nvr.building.lan', 8080],
      ['*.cdn.example.com', undefined],
      ['127.0.0.1', 4199],
    ])
    const cloud = parseEnv({ ...CLOUD, SNAPSHOT_ALLOWED_HOSTS: listed })
    expect(cloud.snapshots.allowedHosts.map((e) => e.host)).toEqual(['nvr.building.lan', '*.cdn.example.com'])
    expect(parseEnv(CLOUD).snapshots.allowedHosts).toEqual([])
  })

  it('sends Tuya face photo URLs on PUBLIC_BASE_URL, the console itself in demo mode, NEXTAUTH_URL with a cloud', () => {
    expect(parse({ PORT: '3105' }).sync).toEqual({ concurrency: 4, faceBaseUrl: 'http://127.0.0.1:3105' })
    expect(parse({ PORT: '3105', HOST: '0.0.0.0' }).sync.faceBaseUrl).toBe('http://127.0.0.1:3105')
    expect(parse({ ...CLOUD, PUBLIC_BASE_URL: 'https://doors.example.com' }).sync.faceBaseUrl).toBe(
      'https://doors.example.com',
    )
    expect(parse({ ...CLOUD, NEXTAUTH_URL: 'https://console.example.com' }).sync.faceBaseUrl).toBe(
      'https://console.example.com',
    )
    expect(parse(CLOUD).sync.faceBaseUrl).toBeNull()
    expect(parse({ SYNC_CONCURRENCY: '12' }).sync.concurrency).toBe(12)
    expect(linesOf({ SYNC_CONCURRENCY: '0', PUBLIC_BASE_URL: 'ftp://x' }).sort()).toEqual([
      'PUBLIC_BASE_URL: must be a http(s):// URL',
      'SYNC_CONCURRENCY: must be 1–64',
    ])
  })

  it('reads TRUSTED_PROXIES as addresses and CIDR ranges (none by default)', () => {
    expect(parseEnv({}).trustedProxies).toEqual([])
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.1, 172.16.0.0/12 ,::1' }).trustedProxies).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      '::1',
    ])
  })
})
