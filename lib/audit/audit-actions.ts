// Actions the console records, offered as suggestions by the audit filter (which takes any name). Zod-free, for
// the browser's first load.
export const KNOWN_AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_refused',
  'auth.sign_out',
  'access.searched',
  'access.export',
  'audit.export',
  'snapshot.viewed',
  'photo.viewed',
  'device.unlock',
  'call.answered',
  'call.declined',
  'alarm.acknowledge',
  'user.created',
  'token.created',
  'token.revoked',
  'settings.building.updated',
  'settings.retention.updated',
  'retention.purged',
] as const
