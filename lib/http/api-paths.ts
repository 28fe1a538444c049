// Every `/api` URL the console's browser code calls, built in one place (pure: the server and tests use it too).
// Filters become query-string parameters; empty ones are left out so equal filters give equal URLs.
import type { z } from 'zod'
import type { accessQuerySchema } from '@/lib/access/schema'
import type { AlarmAction, alarmQuerySchema } from '@/lib/alarms/schema'
import type { auditQuerySchema } from '@/lib/audit/schema'
import type { callQuerySchema } from '@/lib/calls/data'
import type { CallResponse } from '@/lib/calls/mutations'
import type { inboundQuerySchema } from '@/lib/ingest/schema'
import type { residentQuerySchema } from '@/lib/residents/schema'

type FiltersOf<S extends z.ZodType> = Omit<z.input<S>, 'limit' | 'cursor'>
export type AccessEventFilters = FiltersOf<typeof accessQuerySchema>
export type CallFilters = FiltersOf<typeof callQuerySchema>
export type AlarmFilters = FiltersOf<typeof alarmQuerySchema>
export type InboundMessageFilters = FiltersOf<typeof inboundQuerySchema>
export type ResidentFilters = FiltersOf<typeof residentQuerySchema>
export type AuditFilters = FiltersOf<typeof auditQuerySchema>
/** Keyset paging: how many items, and the opaque cursor the previous page answered with. */
export type PageParams = { limit?: number; cursor?: string | null }

type QueryValue = string | number | boolean | null | undefined

/** `path?k=v&…` with every non-empty value encoded; `path` alone when nothing is left. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    query.set(key, String(value))
  }
  const encoded = query.toString()
  return encoded ? `${path}?${encoded}` : path
}

const segment = (id: string) => encodeURIComponent(id)
const list = (path: string, filters: object, page: PageParams) =>
  withQuery(path, { ...(filters as Record<string, QueryValue>), limit: page.limit, cursor: page.cursor })

export const apiPaths = {
  accessEvents: (filters: AccessEventFilters = {}, page: PageParams = {}) => list('/api/access-events', filters, page),
  accessEvent: (eventId: string) => `/api/access-events/${segment(eventId)}`,
  accessEventsCsv: (filters: AccessEventFilters = {}) =>
    withQuery('/api/access-events/export', { format: 'csv', ...filters }),
  calls: (filters: CallFilters = {}, page: PageParams = {}) => list('/api/calls', filters, page),
  callResponse: (callId: string, action: CallResponse) => `/api/calls/${segment(callId)}/${action}`,
  /** POST: a missed call has been seen by a guard. */
  callSeen: (callId: string) => `/api/calls/${segment(callId)}/seen`,
  /** POST: allocate the call's live view → a `streamPart` link. */
  callStream: (callId: string) => `/api/calls/${segment(callId)}/stream`,
  /** A live-view playlist or segment through our proxy; the token is sealed by the server. */
  streamPart: (token: string) => `/api/streams/${segment(token)}`,
  alarms: (filters: AlarmFilters = {}, page: PageParams = {}) => list('/api/alarms', filters, page),
  alarmAction: (alarmId: string, action: AlarmAction) => `/api/alarms/${segment(alarmId)}/${action}`,
  alarm: (alarmId: string) => `/api/alarms/${segment(alarmId)}`,
  alarmAssignees: () => '/api/alarms/assignees',
  escalationSettings: () => '/api/settings/escalation',
  devices: () => '/api/devices',
  device: (deviceId: string) => `/api/devices/${segment(deviceId)}`,
  deviceUnlock: (deviceId: string) => `/api/devices/${segment(deviceId)}/unlock`,
  inboundMessages: (filters: InboundMessageFilters = {}, page: PageParams = {}) =>
    list('/api/inbound-messages', filters, page),
  residents: (filters: ResidentFilters = {}, page: PageParams = {}) => list('/api/residents', filters, page),
  resident: (residentId: string) => `/api/residents/${segment(residentId)}`,
  residentDevices: (residentId: string) => `/api/residents/${segment(residentId)}/devices`,
  residentsImport: (options: { dryRun: boolean }) =>
    withQuery('/api/residents/import', { dryRun: options.dryRun ? 1 : undefined }),
  units: () => '/api/units',
  deviceGroups: () => '/api/device-groups',
  deviceGroup: (groupId: string, options: { version?: number } = {}) =>
    withQuery(`/api/device-groups/${segment(groupId)}`, { version: options.version }),
  residentSync: (residentId: string) => `/api/residents/${segment(residentId)}/sync`,
  residentSyncRetry: (residentId: string) => `/api/residents/${segment(residentId)}/sync/retry`,
  audit: (filters: AuditFilters = {}, page: PageParams = {}) => list('/api/audit', filters, page),
  auditCsv: (filters: AuditFilters = {}) => withQuery('/api/audit/export', { format: 'csv', ...filters }),
  users: () => '/api/users',
  user: (userId: string) => `/api/users/${segment(userId)}`,
  tokens: () => '/api/tokens',
  token: (tokenId: string) => `/api/tokens/${segment(tokenId)}`,
  me: () => '/api/me',
  myLocale: () => '/api/me/locale',
  snapshot: (snapshotId: string) => `/api/snapshots/${segment(snapshotId)}`,
  residentCredentials: (residentId: string) => `/api/residents/${segment(residentId)}/credentials`,
  residentFaces: (residentId: string) => `/api/residents/${segment(residentId)}/faces`,
  residentCards: (residentId: string) => `/api/residents/${segment(residentId)}/cards`,
  residentPins: (residentId: string) => `/api/residents/${segment(residentId)}/pins`,
  residentCredential: (residentId: string, kind: 'face' | 'card' | 'pin', credentialId: string) =>
    `/api/residents/${segment(residentId)}/${kind}s/${segment(credentialId)}`,
  /** Base URL of the face models and wasm binaries (face-api and tfjs append the file names). */
  faceModels: () => '/api/face-models/',
  buildingSettings: () => '/api/settings/building',
  retentionSettings: () => '/api/settings/retention',
  accessReport: (filters: AccessEventFilters = {}) => withQuery('/api/reports/access', { ...filters }),
} as const
