// Lock records, members, temporary passwords and remote unlock (docs/tuya-devices.md §2.2–2.5,
// §3.1–3.2, §4.1–4.2).
import { z } from 'zod'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { TuyaTransportError } from '@/lib/tuya/errors'
import type { TuyaRequest } from '@/lib/tuya/openapi/openapi-client'
import { type TimeRange, hasMoreByTotal, iteratePages } from '@/lib/tuya/openapi/openapi-paging'
import { decryptTicketKey, encryptTicketPassword } from '@/lib/tuya/openapi/ticket-crypto'

const idString = z.union([z.string(), z.number()]).transform(String)

export const lockMediaInfoSchema = z.looseObject({
  file_url: z.string().optional(),
  file_key: z.string().optional(),
  file_path: z.string().optional(),
  bucket: z.string().optional(),
  media_url: z.string().optional(),
  media_key: z.string().optional(),
  media_path: z.string().optional(),
  media_bucket: z.string().optional(),
})

export const lockRecordSchema = z.looseObject({
  record_id: idString.optional(),
  record_type: z.string().optional(),
  gmt_create: z.number().optional(),
  unlock_name: z.string().nullish(),
  user_id: z.string().nullish(),
  user_name: z.string().nullish(),
  dps: z.unknown().optional(),
  media_info_list: z.array(lockMediaInfoSchema).nullish(),
})
export type TuyaLockRecord = z.infer<typeof lockRecordSchema>

const lockRecordPageSchema = z.looseObject({
  records: z.array(lockRecordSchema).default([]),
  has_more: z.boolean().default(false),
  total: z.number().optional(),
})

export const lockOpenLogSchema = z.looseObject({
  status: z.looseObject({ code: z.string(), value: z.unknown() }),
  update_time: z.number(),
  unlock_name: z.string().nullish(),
  user_id: z.string().nullish(),
  nick_name: z.string().nullish(),
})
export type TuyaLockOpenLog = z.infer<typeof lockOpenLogSchema>

const lockOpenLogPageSchema = z.looseObject({
  logs: z.array(lockOpenLogSchema).default([]),
  total: z.number().optional(),
})

const passwordTicketSchema = z.looseObject({
  ticket_id: z.string(),
  ticket_key: z.string(),
  expire_time: z.number().optional(),
})

const lockUsersPageSchema = z.looseObject({
  records: z.array(z.looseObject({ user_id: z.string(), nick_name: z.string().nullish() })).default([]),
  has_more: z.boolean().default(false),
  total: z.number().optional(),
})

export type RecordsQuery = TimeRange & { deviceId: string; pageSize?: number; codes?: string[] }

export type TempPasswordInput = {
  name: string
  /** Plain digits (7 on Wi-Fi locks, 6 on Zigbee/BLE); encrypted with the ticket key before sending. */
  password: string
  /** 10-digit seconds (§3.2). */
  effectiveTime: number
  invalidTime: number
  /** 0 = many times, 1 = single use. */
  type?: 0 | 1
  timeZone?: string
  scheduleList?: { effective_time: number; invalid_time: number; working_day: number; all_day?: boolean }[]
}

export function createLockApi(request: TuyaRequest, accessSecret: string) {
  const listLockRecords = async ({ deviceId, startTime, endTime, pageSize = 50, codes }: RecordsQuery, pageNo = 1) => {
    const page = await request({
      method: 'GET',
      path: TUYA_PATHS.lockRecords(deviceId),
      query: {
        page_no: pageNo,
        page_size: pageSize,
        start_time: startTime,
        end_time: endTime,
        target_standard_dp_codes: codes?.join(','),
      },
      schema: lockRecordPageSchema,
    })
    return { items: page.records, hasMore: page.has_more, total: page.total }
  }

  const listLockOpenLogs = async ({ deviceId, startTime, endTime, pageSize = 50 }: RecordsQuery, pageNo = 1) => {
    const page = await request({
      method: 'GET',
      path: TUYA_PATHS.lockOpenLogs(deviceId),
      query: { page_no: pageNo, page_size: pageSize, start_time: startTime, end_time: endTime },
      schema: lockOpenLogPageSchema,
    })
    return {
      items: page.logs,
      hasMore: hasMoreByTotal(pageNo, pageSize, page.total, page.logs.length),
      total: page.total,
    }
  }

  /** A ticket has no effect on the door, so fetching one is safe to retry. Single use (§4.1). */
  const createPasswordTicket = async (deviceId: string) => {
    const ticket = await request({
      method: 'POST',
      path: TUYA_PATHS.passwordTicket(deviceId),
      idempotent: true,
      schema: passwordTicketSchema,
    })
    return {
      ticketId: ticket.ticket_id,
      key16: decryptTicketKey(ticket.ticket_key, accessSecret),
      expireTime: ticket.expire_time,
    }
  }

  /**
   * Password-free open (§4.2): ticket → door-operate {ticket_id, open:true}. The operate call is never retried:
   * if it was sent and no answer came back, the door may or may not have opened, and we say so.
   */
  async function remoteUnlock(deviceId: string): Promise<{ ticketId: string; accepted: boolean }> {
    const { ticketId } = await createPasswordTicket(deviceId)
    try {
      const accepted = await request({
        method: 'POST',
        path: TUYA_PATHS.passwordFreeDoorOperate(deviceId),
        body: { ticket_id: ticketId, open: true },
        idempotent: false,
        schema: z.boolean(),
      })
      return { ticketId, accepted }
    } catch (error) {
      if (error instanceof TuyaTransportError && error.outcomeUnknown) {
        throw new TuyaTransportError({
          failure: error.failure,
          method: error.method,
          path: error.path,
          httpStatus: error.httpStatus,
          outcomeUnknown: true,
          cause: error,
          message: `Remote unlock of ${deviceId}: outcome unknown (${error.failure}); the command was not re-sent. Check the door's logs before trying again.`,
        })
      }
      throw error
    }
  }

  async function createTempPassword(deviceId: string, input: TempPasswordInput): Promise<{ id: string }> {
    const { ticketId, key16 } = await createPasswordTicket(deviceId)
    const result = await request({
      method: 'POST',
      path: TUYA_PATHS.tempPassword(deviceId),
      body: {
        name: input.name,
        password: encryptTicketPassword(input.password, key16),
        password_type: 'ticket',
        ticket_id: ticketId,
        effective_time: input.effectiveTime,
        invalid_time: input.invalidTime,
        type: input.type ?? 0,
        time_zone: input.timeZone,
        schedule_list: input.scheduleList,
      },
      schema: z.looseObject({ id: idString }),
    })
    return { id: result.id }
  }

  return {
    listLockRecords,
    iterateLockRecords: (query: RecordsQuery) => iteratePages((pageNo) => listLockRecords(query, pageNo)),
    listLockOpenLogs,
    iterateLockOpenLogs: (query: RecordsQuery) => iteratePages((pageNo) => listLockOpenLogs(query, pageNo)),
    /** file_type 1 = remote-unlock request picture, 2 = alarm picture (§2.5). */
    getLatestMediaUrl: (deviceId: string, fileType: 1 | 2) =>
      request({
        method: 'GET',
        path: TUYA_PATHS.lockLatestMediaUrl(deviceId),
        query: { file_type: fileType },
        schema: lockMediaInfoSchema,
      }),
    createPasswordTicket,
    remoteUnlock,
    listLockUsers: (
      deviceId: string,
      { codes, pageNo = 1, pageSize = 50 }: { codes?: string[]; pageNo?: number; pageSize?: number } = {},
    ) =>
      request({
        method: 'GET',
        path: TUYA_PATHS.lockUsers(deviceId),
        query: { codes: codes?.join(','), page_no: pageNo, page_size: pageSize },
        schema: lockUsersPageSchema,
      }),
    /** Answers the new member's id: a bare string in Tuya's docs, `{user_id}` in some answers; both are read. */
    createLockMember: async (deviceId: string, member: { nick_name: string; sex?: number; contact?: string }) => {
      const result = await request({
        method: 'POST',
        path: TUYA_PATHS.lockMember(deviceId),
        body: member,
        schema: z.union([idString, z.looseObject({ user_id: idString }).transform((r) => r.user_id)]),
      })
      return { userId: result }
    },
    updateLockMember: (deviceId: string, userId: string, member: { nick_name: string; sex?: number }) =>
      request({
        method: 'PUT',
        path: TUYA_PATHS.deviceUser(deviceId, userId),
        body: member,
        idempotent: true,
        schema: z.boolean(),
      }),
    deleteLockMember: (deviceId: string, userId: string) =>
      request({
        method: 'POST',
        path: TUYA_PATHS.lockDeleteMembers(deviceId, [userId]),
        idempotent: true,
        schema: z.boolean(),
      }),
    allocateLockCredentials: (deviceId: string, userId: string, unlockList: { dp_code: string; unlock_sn: number }[]) =>
      request({
        method: 'POST',
        path: TUYA_PATHS.lockAllocateOpModes(deviceId),
        body: { user_id: userId, unlock_list: unlockList },
        idempotent: true,
        schema: z.boolean(),
      }),
    createTempPassword,
    listTempPasswords: (deviceId: string) =>
      request({ method: 'GET', path: TUYA_PATHS.tempPasswords(deviceId), schema: z.unknown() }),
    deleteTempPassword: (deviceId: string, passwordId: string) =>
      request({
        method: 'DELETE',
        path: TUYA_PATHS.tempPasswordById(deviceId, passwordId),
        idempotent: true,
        schema: z.boolean(),
      }),
  }
}
