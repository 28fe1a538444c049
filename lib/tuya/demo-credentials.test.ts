// Demo mode's credentials: generated on the first start and kept under the data directory (owner-only), the
// same pair on every later start, and never the pair this repository once published, so a webhook signed with
// that pair (or anything else found online) is refused by a demo installation.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseEnv } from '@/lib/env'
import { DEMO_CREDENTIALS_FILE, ensureDemoTuyaCredentials } from '@/lib/tuya/demo-credentials'
import { signWebhook, verifyWebhookRequest } from '@/lib/tuya/webhook/webhook-signature'

/** The demo pair that earlier versions of this repository shipped in lib/tuya/demo-credentials.ts. */
const ONCE_PUBLISHED = { accessId: 'simdemo7k3p9x2q4w8mz', accessSecret: 'f3b1c9e27a4d48c6b05e9d1a7c2f8e63' }

let dataDir: string | undefined
const freshDataDir = () => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-data-')))
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

describe('ensureDemoTuyaCredentials', () => {
  it('generates a pair shaped like a real one on the first start, owner-only, and returns it on every later start', () => {
    const dir = freshDataDir()
    const first = ensureDemoTuyaCredentials(dir)
    expect(first.accessId).toMatch(/^[a-z0-9]{20}$/)
    expect(first.accessSecret).toMatch(/^[a-z0-9]{32}$/)
    const file = path.join(dir, DEMO_CREDENTIALS_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first)

    expect(ensureDemoTuyaCredentials(dir)).toEqual(first)
  })

  it('gives each installation its own pair', () => {
    const one = ensureDemoTuyaCredentials(freshDataDir())
    rmSync(dataDir as string, { recursive: true })
    const other = ensureDemoTuyaCredentials(freshDataDir())
    expect(other.accessSecret).not.toBe(one.accessSecret)
  })

  it('refuses a damaged file, naming it, rather than silently replacing the pair', () => {
    const dir = freshDataDir()
    writeFileSync(path.join(dir, DEMO_CREDENTIALS_FILE), '{"accessId":"x"}')
    expect(() => ensureDemoTuyaCredentials(dir)).toThrow(DEMO_CREDENTIALS_FILE)
  })
})

describe('demo mode without TUYA_ACCESS_ID/TUYA_ACCESS_SECRET', () => {
  it('runs with the generated pair, and a webhook signed with the once-published pair is refused', () => {
    const dir = freshDataDir()
    const env = parseEnv({}, { demoCredentials: () => ensureDemoTuyaCredentials(dir) })
    expect(env.demo).toBe(true)
    expect(env.tuya).toMatchObject({ ...ensureDemoTuyaCredentials(dir), credentialSource: 'generated' })
    expect(env.tuya.accessSecret).not.toBe(ONCE_PUBLISHED.accessSecret)

    const t = String(Date.now())
    const body = '{"bizCode":"accessRecord","devId":"d1","bizData":{"recordId":"r1","way":9,"success":true}}'
    const forged = { secret: ONCE_PUBLISHED.accessSecret, t, body }
    for (const clientId of [ONCE_PUBLISHED.accessId, env.tuya.accessId]) {
      const headers = { client_id: clientId, t, sign: signWebhook({ ...forged, clientId }) }
      const verdict = verifyWebhookRequest({
        headers,
        rawBody: body,
        secret: env.tuya.accessSecret,
        clientId: env.tuya.accessId,
      })
      expect(verdict.ok).toBe(false)
    }
  })
})
