// Credentials of the built-in Tuya Cloud simulator in demo mode. No pair is published in the repository: each
// installation generates its own on the first start and keeps it under ./data (like the auth secret), so a
// webhook signed with anything found online is refused. The pair has the shape of a real one (20-character
// Access ID, 32-character Access Secret, letters and digits), so every algorithm runs unchanged.
import { randomInt } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const DEFAULT_SIM_PORT = 4100
export const DEMO_CREDENTIALS_FILE = 'tuya-demo-credentials.json'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

const credentialsSchema = z.object({
  accessId: z.string().regex(/^[a-z0-9]{20}$/),
  accessSecret: z.string().regex(/^[a-z0-9]{32}$/),
})
export type TuyaCredentials = z.infer<typeof credentialsSchema>

function randomText(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/** A fresh random pair (the simulator's default when started without one, e.g. in tests). */
export function generateTuyaCredentials(): TuyaCredentials {
  return { accessId: randomText(20), accessSecret: randomText(32) }
}

/** This installation's demo pair: read from dataDir, or generated and written there (owner-only) on first use. */
export function ensureDemoTuyaCredentials(dataDir = path.resolve('data')): TuyaCredentials {
  const file = path.join(dataDir, DEMO_CREDENTIALS_FILE)
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    try {
      // 'wx': when two processes start together, the second keeps the first one's pair.
      writeFileSync(file, `${JSON.stringify(generateTuyaCredentials())}\n`, { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  let stored: unknown
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    stored = undefined
  }
  const parsed = credentialsSchema.safeParse(stored)
  if (!parsed.success) throw new Error(`${file} is not a demo credential pair; delete it to generate a new one`)
  return parsed.data
}
