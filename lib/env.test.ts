// The environment contract (README "Configuration"): defaults, demo vs cloud mode, and one clear line
// naming each missing or malformed variable.
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '@/lib/env'
import { DEFAULT_SIM_PORT, DEMO_TUYA_ACCESS_ID, DEMO_TUYA_ACCESS_SECRET } from '@/lib/tuya/demo-credentials'

const CLOUD = {
  TUYA_OPENAPI_URL: 'https://openapi.tuyaeu.com',
  TUYA_MQ_URL: 'wss://mqe.tuyaeu.com:8285/',
  TUYA_ACCESS_ID: 'abcdef1234567890abcd',
  TUYA_ACCESS_SECRET: '0123456789abcdef0123456789abcdef',
  AUTH_SECRET: 'a-production-secret-of-at-least-32-chars',
}

function linesOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return (error as EnvError).lines
  }
  throw new Error('expected parseEnv to reject')
}

describe('parseEnv', () => {
  it('starts in demo mode with documented defaults from an empty environment', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'file:./data/console.db',
      databaseProvider: 'sqlite',
      redisUrl: undefined,
      demo: true,
      tuya: {
        accessId: DEMO_TUYA_ACCESS_ID,
        accessSecret: DEMO_TUYA_ACCESS_SECRET,
        openApiUrl: `http://127.0.0.1:${DEFAULT_SIM_PORT}`,
        mqUrl: `ws://127.0.0.1:${DEFAULT_SIM_PORT}/`,
        mqEnv: 'event',
      },
      simulator: { port: DEFAULT_SIM_PORT },
    })
    expect(env.simulator.demoPerMinute).toBeGreaterThan(0)
  })

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '', REDIS_URL: '' })).toMatchObject({ port: 3000, redisUrl: undefined })
  })

  it('reads PORT, SIM_PORT, SIM_DEMO_RATE=0 and a PostgreSQL DATABASE_URL', () => {
    const env = parseEnv({
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
    const env = parseEnv({ ...CLOUD, TUYA_MQ_ENV: 'event-test' })
    expect(env.demo).toBe(false)
    expect(env.tuya).toMatchObject({
      ...{ accessId: CLOUD.TUYA_ACCESS_ID, openApiUrl: CLOUD.TUYA_OPENAPI_URL },
      mqEnv: 'event-test',
    })
    expect(env.simulator.demoPerMinute).toBe(0)
    expect(env.authSecret).toBe(CLOUD.AUTH_SECRET)
  })

  it('requires the cloud credentials and AUTH_SECRET outside demo mode', () => {
    const lines = linesOf({ TUYA_OPENAPI_URL: CLOUD.TUYA_OPENAPI_URL })
    expect(lines).toEqual([
      'TUYA_ACCESS_ID/TUYA_ACCESS_SECRET: required when TUYA_OPENAPI_URL points at a Tuya cloud',
      'AUTH_SECRET: required outside demo mode (at least 32 random characters)',
    ])
    expect(linesOf({ TUYA_MQ_URL: CLOUD.TUYA_MQ_URL })).toEqual(['TUYA_OPENAPI_URL: required when TUYA_MQ_URL is set'])
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
    expect(parseEnv({})).toMatchObject({ maxConnections: undefined, ingestQueueLimit: undefined })
    expect(parseEnv({ HTTP_MAX_CONNECTIONS: '200', INGEST_QUEUE_LIMIT: '500' })).toMatchObject({
      maxConnections: 200,
      ingestQueueLimit: 500,
    })
  })

  it('reports every bad variable, one line each', () => {
    const lines = linesOf({ PORT: 'abc', DATABASE_URL: 'nope', REDIS_URL: 'nope' })
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'REDIS_URL'])
  })

  it('accepts rediss:// and file: URLs with a query string', () => {
    expect(
      parseEnv({ REDIS_URL: 'rediss://user:pw@cache:6380', DATABASE_URL: 'file:/tmp/x.db?mode=rwc' }),
    ).toMatchObject({
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

  it('reads TRUSTED_PROXIES as addresses and CIDR ranges (none by default)', () => {
    expect(parseEnv({}).trustedProxies).toEqual([])
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.1, 172.16.0.0/12 ,::1' }).trustedProxies).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      '::1',
    ])
  })
})
