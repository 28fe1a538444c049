// The key that signs session JWTs (and seals PINs). Production sets AUTH_SECRET; demo mode generates one
// once and keeps it under ./data so sessions survive restarts.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function ensureAuthSecret(configured: string | undefined, dataDir = path.resolve('data')): string {
  if (configured) return configured
  const file = path.join(dataDir, 'auth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** The secret for this process; server.ts puts it in NEXTAUTH_SECRET before Next starts. */
export function getAuthSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: start the app through server.ts')
  return secret
}
