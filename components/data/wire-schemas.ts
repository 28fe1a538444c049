// Every response the browser reads, checked by the schema the server answers with. This module (and zod with
// it) loads as its own chunk beside the first request, so it stays out of the console's first-load JavaScript.
// First import: zod is told not to use eval before any schema below is built.
import '@/components/data/zod-without-eval'
import { accessEventDetailSchema, accessEventPageSchema } from '@/lib/access/schema'
import {
  alarmAssigneePageSchema,
  alarmDetailSchema,
  alarmItemSchema,
  alarmPageSchema,
  escalationSettingsSchema,
} from '@/lib/alarms/schema'
import { auditPageSchema } from '@/lib/audit/schema'
import { callItemSchema, callPageSchema } from '@/lib/calls/schema'
import { deviceDetailSchema, devicePageSchema, unlockOutcomeSchema } from '@/lib/devices/schema'
import { credentialItemSchema, credentialListSchema, revokedCredentialSchema } from '@/lib/credentials/schema'
import { errorBodySchema } from '@/lib/http/error-body'
import { inboundMessagePageSchema } from '@/lib/ingest/schema'
import { deletedDeviceGroupSchema, deviceGroupItemSchema, deviceGroupPageSchema } from '@/lib/device-groups/schema'
import {
  importReportSchema,
  residentDetailSchema,
  residentItemSchema,
  residentPageSchema,
} from '@/lib/residents/schema'
import { accessReportSchema } from '@/lib/reports/schema'
import { buildingSettingsSchema } from '@/lib/settings/building-schema'
import { retentionSettingsSchema } from '@/lib/settings/retention-schema'
import { unitItemSchema, unitPageSchema } from '@/lib/units/schema'
import { callStreamSchema } from '@/lib/streams/schema'
import { residentSyncSchema } from '@/lib/sync/schema'
import {
  apiTokenPageSchema,
  createdTokenSchema,
  createdUserSchema,
  localeChoiceSchema,
  meSchema,
  revokedTokenSchema,
  userItemSchema,
  userPageSchema,
} from '@/lib/users/schema'

export const WIRE_SCHEMAS = {
  error: errorBodySchema,
  accessEventPage: accessEventPageSchema,
  accessEventDetail: accessEventDetailSchema,
  callPage: callPageSchema,
  call: callItemSchema,
  callStream: callStreamSchema,
  alarmPage: alarmPageSchema,
  alarm: alarmItemSchema,
  alarmDetail: alarmDetailSchema,
  alarmAssigneePage: alarmAssigneePageSchema,
  escalationSettings: escalationSettingsSchema,
  devicePage: devicePageSchema,
  deviceDetail: deviceDetailSchema,
  unlockOutcome: unlockOutcomeSchema,
  inboundMessagePage: inboundMessagePageSchema,
  residentPage: residentPageSchema,
  resident: residentItemSchema,
  residentDetail: residentDetailSchema,
  importReport: importReportSchema,
  unitPage: unitPageSchema,
  unit: unitItemSchema,
  deviceGroupPage: deviceGroupPageSchema,
  deviceGroup: deviceGroupItemSchema,
  deletedDeviceGroup: deletedDeviceGroupSchema,
  residentSync: residentSyncSchema,
  credentialList: credentialListSchema,
  credential: credentialItemSchema,
  revokedCredential: revokedCredentialSchema,
  auditPage: auditPageSchema,
  userPage: userPageSchema,
  user: userItemSchema,
  createdUser: createdUserSchema,
  localeChoice: localeChoiceSchema,
  apiTokenPage: apiTokenPageSchema,
  createdToken: createdTokenSchema,
  revokedToken: revokedTokenSchema,
  me: meSchema,
  buildingSettings: buildingSettingsSchema,
  retentionSettings: retentionSettingsSchema,
  accessReport: accessReportSchema,
}
export type WireSchemas = typeof WIRE_SCHEMAS
