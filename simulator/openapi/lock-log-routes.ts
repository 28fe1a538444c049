// Lock history APIs the app backfills from after downtime (docs/tuya-devices.md §2.2-§2.5): every lock
// report the simulator emitted is here, with record_id = the message's dataId.
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  paginate,
  readInt,
  readList,
  requireDevice,
} from '@/simulator/openapi/api-types'
import type { SimDevice, SimLockLog } from '@/simulator/state/sim-state'

function requireLock(deps: OpenApiDeps, deviceId: string): SimDevice {
  const device = requireDevice(deps, deviceId)
  if (device.def.model !== 'lock') throw new SimApiError(2009)
  return device
}

function logsInRange(device: SimDevice, query: URLSearchParams, required: boolean): SimLockLog[] {
  const start = readInt(query, 'start_time', required ? undefined : 0)
  const end = readInt(query, 'end_time', required ? undefined : Number.MAX_SAFE_INTEGER)
  return device.lockLogs.filter((l) => l.time >= start && l.time <= end).reverse()
}

function describeMedia(deps: OpenApiDeps, log: SimLockLog) {
  if (!log.media) return []
  const { bucket, path, key } = log.media
  return [
    {
      bucket,
      file_path: path,
      file_key: key,
      file_url: deps.ctx.media.signedFileUrl(bucket, path),
      media_bucket: '',
      media_path: '',
      media_key: '',
      media_url: '',
    },
  ]
}

const display = (value: SimLockLog['value']) => (typeof value === 'string' ? value : JSON.stringify(value))

export function registerLockLogRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  router.on('GET', '/v1.0/devices/{deviceId}/door-lock/open-logs', {
    perSecond: LIMITS.read,
    handler: ({ params, query }) => {
      const device = requireLock(deps, params.deviceId)
      const logs = logsInRange(device, query, true).filter(
        (l) => l.recordType === 'normal' && l.code.startsWith('unlock_'),
      )
      const { page, total } = paginate(logs, readInt(query, 'page_no'), readInt(query, 'page_size'), 100)
      return {
        total,
        logs: page.map((l) => ({
          record_id: l.recordId,
          status: { code: l.code, value: display(l.value) },
          update_time: l.time,
          unlock_name: l.unlockName ?? '',
          user_id: l.userId ?? '0',
          nick_name: l.userName ?? '',
        })),
      }
    },
  })
  router.on('GET', '/v1.0/devices/{deviceId}/door-lock/records', {
    perSecond: LIMITS.read,
    handler: ({ params, query }) => {
      const device = requireLock(deps, params.deviceId)
      const codes = readList(query, 'target_standard_dp_codes')
      const logs = logsInRange(device, query, false).filter((l) => codes.length === 0 || codes.includes(l.code))
      const { page, total, hasMore, totalPages } = paginate(
        logs,
        readInt(query, 'page_no', 1),
        readInt(query, 'page_size', 20),
        100,
      )
      return {
        has_more: hasMore,
        total,
        total_pages: totalPages,
        unread_count: 0,
        records: page.map((l) => ({
          record_id: l.recordId,
          record_type: l.recordType,
          gmt_create: l.time,
          unlock_name: l.unlockName ?? null,
          user_id: l.userId ?? null,
          user_name: l.userName ?? null,
          avatar: null,
          member_bindable_flag: l.userId ? 0 : 1,
          dps: [{ [l.code]: l.value }],
          union_unlock_info: null,
          media_info_list: describeMedia(deps, l),
        })),
      }
    },
  })
  router.on('GET', '/v1.0/devices/{deviceId}/door-lock/alarm-logs', {
    perSecond: LIMITS.read,
    handler: ({ params, query }) => {
      const device = requireLock(deps, params.deviceId)
      const codes = readList(query, 'codes')
      const logs = logsInRange(device, query, false)
        .filter((l) => l.recordType === 'alarm')
        .filter(
          (l) =>
            codes.length === 0 || codes.includes(l.code) || (codes.includes('hijack') && l.code.startsWith('unlock_')),
        )
      const { page, total } = paginate(logs, readInt(query, 'page_no', 1), readInt(query, 'page_size', 20), 100)
      return {
        total,
        records: page.map((l) => ({
          record_id: l.recordId,
          // A duress opening is logged as hijack with the credential it used (§2.4).
          status: l.code.startsWith('unlock_')
            ? { code: 'hijack', value: `${l.code}-${String(l.value).padStart(2, '0')}` }
            : { code: l.code, value: display(l.value) },
          update_time: l.time,
          nick_name: l.userName ?? '',
        })),
      }
    },
  })
  router.on('GET', '/v1.0/devices/{deviceId}/door-lock/latest/media/url', {
    perSecond: LIMITS.read,
    handler: ({ params, query }) => {
      const device = requireLock(deps, params.deviceId)
      const fileType = readInt(query, 'file_type')
      if (fileType !== 1 && fileType !== 2) throw new SimApiError(1101)
      const wanted = fileType === 2 ? 'alarm' : 'normal'
      const log = [...device.lockLogs].reverse().find((l) => l.media && l.recordType === wanted)
      if (!log) throw new SimApiError(1000)
      const [media] = describeMedia(deps, log)
      return media
    },
  })
}
