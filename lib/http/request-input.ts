// Reading request input at the edge: query strings and JSON bodies, with clear 400s.
import { clientAddressOf, userAgentOf } from '@/lib/auth/client-address'
import type { AuditContext } from '@/lib/audit/record-audit'
import { invalidField } from '@/lib/errors'

export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams)
}

export async function jsonBodyOf(request: Request): Promise<unknown> {
  const text = await request.text()
  if (!text.trim()) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw invalidField('body: not valid JSON', { path: 'body', reason: 'invalid_json' })
  }
}

export function auditContextOf(request: Request): AuditContext {
  return { ip: clientAddressOf(request.headers), userAgent: userAgentOf(request.headers) }
}
