// Shared shapes for the simulator's OpenAPI routes: each route is a handler returning `result` (or throwing
// SimApiError) plus the per-second limit Tuya would apply to that API.
import type { SimContext } from '@/simulator/devices/sim-context'
import type { SimRequest } from '@/simulator/http/router'
import { parseJsonBody } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import type { TokenStore } from '@/simulator/openapi/token-store'
import type { SimDevice } from '@/simulator/state/sim-state'
import type { TicketStore } from '@/simulator/openapi/ticket-store'

export type ApiCall = { req: SimRequest; params: Record<string, string>; query: URLSearchParams }

export type ApiRoute = { handler: (call: ApiCall) => unknown; perSecond: number }

export type OpenApiDeps = {
  ctx: SimContext
  accessId: string
  accessSecret: string
  tokens: TokenStore
  tickets: TicketStore
  /** Fetches an image URL for face enrolment (the cloud downloads it, docs/tuya-devices.md §3.3). */
  fetchImage: (url: string) => Promise<Buffer>
}

/**
 * Default limits: Tuya documents 5 QPS for face writes and 4-50/s elsewhere (docs/tuya-protocol.md §5.1); v1.0
 * values are our choice.
 */
export const LIMITS = { token: 20, read: 50, write: 20, command: 10, face: 5 } as const

export function requireDevice(deps: OpenApiDeps, deviceId: string): SimDevice {
  const device = deps.ctx.state.devices.get(deviceId)
  // A device outside the project is "permission deny" at Tuya, not "not found".
  if (!device) throw new SimApiError(1106)
  return device
}

export function requireOnline(device: SimDevice): void {
  if (!device.online) throw new SimApiError(2001)
}

export function readJsonObject(call: ApiCall): Record<string, unknown> {
  let body: unknown
  try {
    body = parseJsonBody(call.req)
  } catch {
    throw new SimApiError(1109)
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SimApiError(1109)
  return body as Record<string, unknown>
}

export function readInt(query: URLSearchParams, name: string, fallback?: number): number {
  const raw = query.get(name)
  if (raw === null || raw === '') {
    if (fallback === undefined) throw new SimApiError(1100, `param is empty: ${name}`)
    return fallback
  }
  const n = Number(raw)
  if (!Number.isFinite(n)) throw new SimApiError(1104, `type is incorrect: ${name}`)
  return Math.floor(n)
}

export function readList(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** page_no from 1, page_size bounded; returns the slice and whether more pages follow. */
export function paginate<T>(items: T[], pageNo: number, pageSize: number, maxPageSize = 200) {
  if (pageNo < 1 || pageSize < 1 || pageSize > maxPageSize) throw new SimApiError(1101)
  const start = (pageNo - 1) * pageSize
  const page = items.slice(start, start + pageSize)
  return {
    page,
    total: items.length,
    hasMore: start + page.length < items.length,
    totalPages: Math.ceil(items.length / pageSize),
  }
}

export function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  if (typeof value !== 'string' || value === '') throw new SimApiError(1100, `param is empty: ${name}`)
  return value
}
