// Every React Query key the console uses, built here only. Keys are hierarchical — domain, then kind, then
// filters — so `all()` invalidates a whole domain and `lists()` every filtered list of it at once.
import type {
  AccessEventFilters,
  AlarmFilters,
  AuditFilters,
  InboundMessageFilters,
  ResidentFilters,
} from '@/lib/http/api-paths'

/** Filters without their empty values, so "no method chosen" is one key whether it is `''` or missing. */
function compact(filters: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''))
}

export const queryKeys = {
  access: {
    all: () => ['access-events'] as const,
    /** The console's live feed: newest first, unfiltered, patched in place by the live stream. */
    feed: () => ['access-events', 'feed'] as const,
    lists: () => ['access-events', 'list'] as const,
    list: (filters: AccessEventFilters) => ['access-events', 'list', compact(filters)] as const,
    /** One event with its surroundings (detail view). */
    detail: (id: string) => ['access-events', 'detail', id] as const,
  },
  calls: {
    all: () => ['calls'] as const,
    recent: () => ['calls', 'recent'] as const,
    /** Missed calls no guard has marked seen, patched in place by the live stream. */
    missed: () => ['calls', 'missed'] as const,
  },
  alarms: {
    all: () => ['alarms'] as const,
    /** Open and acknowledged alarms on the console, patched in place by the live stream. */
    open: () => ['alarms', 'open'] as const,
    lists: () => ['alarms', 'list'] as const,
    list: (filters: AlarmFilters) => ['alarms', 'list', compact(filters)] as const,
    /** One alarm with its history; refetched when a live event changes that alarm. */
    details: () => ['alarms', 'detail'] as const,
    detail: (id: string) => ['alarms', 'detail', id] as const,
    assignees: () => ['alarms', 'assignees'] as const,
    escalation: () => ['alarms', 'escalation-settings'] as const,
  },
  devices: {
    all: () => ['devices'] as const,
    list: () => ['devices', 'list'] as const,
    /** One device's page; refetched when a live event concerns that device. */
    details: () => ['devices', 'detail'] as const,
    detail: (id: string) => ['devices', 'detail', id] as const,
  },
  inboundMessages: {
    all: () => ['inbound-messages'] as const,
    list: (filters: InboundMessageFilters) => ['inbound-messages', 'list', compact(filters)] as const,
  },
  residents: {
    all: () => ['residents'] as const,
    lists: () => ['residents', 'list'] as const,
    list: (filters: ResidentFilters) => ['residents', 'list', compact(filters)] as const,
    detail: (id: string) => ['residents', 'detail', id] as const,
    /** Where each device stands with one resident, patched in place by `sync.updated`. */
    sync: (id: string) => ['residents', 'sync', id] as const,
    /** A resident's active faces, cards and PINs. */
    credentials: (id: string) => ['residents', 'credentials', id] as const,
  },
  units: {
    all: () => ['units'] as const,
    list: () => ['units', 'list'] as const,
  },
  deviceGroups: {
    all: () => ['device-groups'] as const,
    list: () => ['device-groups', 'list'] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    list: (filters: AuditFilters) => ['audit', 'list', compact(filters)] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: () => ['users', 'list'] as const,
  },
  tokens: {
    all: () => ['tokens'] as const,
    list: () => ['tokens', 'list'] as const,
  },
  reports: {
    all: () => ['reports'] as const,
    access: (filters: AccessEventFilters) => ['reports', 'access', compact(filters)] as const,
  },
  /** Building and retention settings (the settings page). */
  settings: {
    all: () => ['settings'] as const,
    building: () => ['settings', 'building'] as const,
    retention: () => ['settings', 'retention'] as const,
  },
  /** Who the browser is signed in as. */
  me: {
    all: () => ['me'] as const,
  },
}
