// The normaliser's output: what one inbound Tuya/vendor message means for the domain.
// Pure data; lib/ingest/ingest-message.ts turns it into rows inside one transaction.
import type { AccessMethod, AccessResult, AlarmType } from '@/lib/domain/enums'

/** Where a face/call snapshot can be fetched from. Either a (possibly signed, expiring) URL or a Tuya file reference. */
export type SnapshotRef =
  /**
   * `fileKey`: set when the object behind the URL is encrypted (lock records' `file_url` + `file_key`, app SDK
   * `{url}@{key}`; docs/tuya-devices.md §1.5, §2.3).
   */
  | { type: 'url'; url: string; fileKey?: string }
  /** Tuya stores some images encrypted in object storage; `bucket` + `path` are resolved through the OpenAPI. */
  | { type: 'tuya_file'; bucket?: string; path: string; fileKey?: string }

/** Which incoming channel shape the message had; kept for diagnostics and the admin "unrecognised" view. */
export type MessageShape =
  | 'status_report' // protocol 4
  | 'device_event' // protocol 20 bizCode events
  | 'iot_core' // protocol 1000/1001
  | 'vendor_access' // vendor accessRecord
  | 'vendor_call' // vendor callStatus
  | 'vendor_alarm' // vendor accessAlarm
  | 'openapi_log' // one entry of an OpenAPI log page (backfill: open-logs, records, alarm-logs, access-control-logs)
  | 'unknown'

export type CallSignal = 'ring' | 'answered' | 'declined' | 'missed' | 'cancelled' | 'hangup' | 'door_opened'

export type DeviceChange = 'online' | 'offline' | 'renamed' | 'deleted' | 'property'

export type NormalisedItem =
  | {
      /**
       * A door opened or refused. Fields named like an AccessEvent column are stored as they are
       * (lib/ingest/persist/persist-access.ts): a new column the message carries is declared here and set by the
       * normaliser, nothing in between.
       */
      kind: 'access'
      occurredAt: Date
      method: AccessMethod
      result: AccessResult
      /** Tuya credential slot (`unlock_*` DP value) used to find the resident via the device's member mapping. */
      credentialSlot?: string
      /** Person/user id as the device or vendor reports it (vendor `userId`, Tuya `user_id`). */
      externalUserId?: string
      externalUserName?: string
      /** Vendor record id or DP code; kept for traceability. */
      sourceCode: string
      snapshot?: SnapshotRef
      raw: unknown
    }
  | {
      kind: 'call'
      occurredAt: Date
      signal: CallSignal
      /** Vendor `callId`, when the device names its calls; otherwise calls are matched per device. */
      callRef?: string
      /** The person id of the caller the device recognised (vendor `userId` / `personId`), if it names one. */
      externalUserId?: string
      snapshot?: SnapshotRef
      sourceCode: string
      raw: unknown
    }
  | {
      kind: 'alarm'
      occurredAt: Date
      type: AlarmType
      /** The device's own wording, e.g. `alarm_lock: pry`, `hijack`, vendor `type`. */
      detail: string
      snapshot?: SnapshotRef
      sourceCode: string
      raw: unknown
    }
  | {
      kind: 'device'
      occurredAt: Date
      change: DeviceChange
      name?: string
      /** For `property`: a plain status code/value the product keeps (battery %, door state …). */
      code?: string
      value?: unknown
      sourceCode: string
      raw: unknown
    }
  | {
      /** Understood envelope, but a code we do not map: kept raw and shown to admins, never dropped. */
      kind: 'unknown'
      occurredAt: Date
      code: string
      value: unknown
      reason: string
      raw: unknown
    }

export type NormalisedMessage = {
  shape: MessageShape
  /** Idempotency key from the message itself (`dataId`, vendor record id, call id + status, alarm id); null → content hash. */
  sourceMessageId: string | null
  /** Tuya device id the message is about, when it names one. */
  deviceId: string | null
  /** Time the device/cloud gives for the message as a whole (`ts`, `t`), falling back to receive time. */
  occurredAt: Date
  items: NormalisedItem[]
  /** Set when the whole message could not be understood; it is still stored (raw) with this reason. */
  unrecognisedReason?: string
}
