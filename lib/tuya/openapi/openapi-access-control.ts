// Commercial "Smart Access Control" persons, faces, cards, passwords and logs (model C,
// docs/tuya-devices.md §2.8, §3.3). Every write answers {sn}; the device applies it asynchronously.
// Writes name their target by id in the path (person_id, face_id, card_no), so repeating one sets the same
// state again: they are marked idempotent and may be retried on 1110/5xx.
import { z } from 'zod'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import type { TuyaRequest } from '@/lib/tuya/openapi/openapi-client'
import { type TimeRange, iteratePages } from '@/lib/tuya/openapi/openapi-paging'

const snSchema = z.looseObject({ sn: z.union([z.string(), z.number()]).transform(String) })

export const accessControlLogSchema = z.looseObject({
  device_id: z.string().optional(),
  name: z.string().nullish(),
  user_id: z.string().nullish(),
  access_time: z.number(),
  access_type: z.string().optional(),
  image_capture: z.string().nullish(),
})
export type TuyaAccessControlLog = z.infer<typeof accessControlLogSchema>

const accessControlLogPageSchema = z.looseObject({
  list: z.array(accessControlLogSchema).default([]),
  has_more: z.boolean().default(false),
  total: z.number().optional(),
})

export type AccessControlPerson = {
  name: string
  id_card?: string
  phone?: string
  person_floor?: string
  secret_key?: string
  refresh_time?: number
  /** ms (§3.3). */
  begin_time?: number
  end_time?: number
  door_time_rule_list?: { rule_name: string; period?: string; allowed_date?: string; denied_date?: string }[]
  extend?: string
}

export type AccessControlLogQuery = TimeRange & {
  deviceIds?: string[]
  userIds?: string[]
  accessTypes?: string[]
  exportFaceImage?: boolean
  /** ≤ 200 (§2.8). */
  pageSize?: number
}

export function createAccessControlApi(request: TuyaRequest) {
  const write = (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    request({ method, path, body, idempotent: true, schema: snSchema }).then((r) => ({ sn: r.sn }))

  const listAccessControlLogs = async (query: AccessControlLogQuery, pageNo = 1) => {
    const page = await request({
      method: 'GET',
      path: TUYA_PATHS.accessControlLogs,
      query: {
        device_ids: query.deviceIds?.join(','),
        uids: query.userIds?.join(','),
        access_types: query.accessTypes?.join(','),
        export_face_img: query.exportFaceImage,
        start_time: query.startTime,
        end_time: query.endTime,
        page_no: pageNo,
        page_size: Math.min(query.pageSize ?? 100, 200),
      },
      schema: accessControlLogPageSchema,
    })
    return { items: page.list, hasMore: page.has_more, total: page.total }
  }

  return {
    listAccessControlLogs,
    iterateAccessControlLogs: (query: AccessControlLogQuery) =>
      iteratePages((pageNo) => listAccessControlLogs(query, pageNo)),
    addPerson: (deviceId: string, personId: string, person: AccessControlPerson) =>
      write('POST', TUYA_PATHS.acPerson(deviceId, personId), person),
    updatePerson: (deviceId: string, personId: string, person: AccessControlPerson) =>
      write('PUT', TUYA_PATHS.acPerson(deviceId, personId), person),
    deletePerson: (deviceId: string, personId: string) => write('DELETE', TUYA_PATHS.acPerson(deviceId, personId)),
    /** `url` must be reachable by Tuya (public image URL; QPS limit 5, §3.3). */
    addFace: (deviceId: string, personId: string, faceId: string, url: string) =>
      write('POST', TUYA_PATHS.acPersonFace(deviceId, personId, faceId), { url }),
    deleteFace: (deviceId: string, personId: string, faceId: string) =>
      write('DELETE', TUYA_PATHS.acPersonFace(deviceId, personId, faceId)),
    addCard: (deviceId: string, personId: string, cardNo: string) =>
      write('POST', TUYA_PATHS.acPersonCard(deviceId, personId, cardNo)),
    deleteCard: (deviceId: string, personId: string, cardNo: string) =>
      write('DELETE', TUYA_PATHS.acPersonCard(deviceId, personId, cardNo)),
    addPassword: (deviceId: string, personId: string, password: string) =>
      write('POST', TUYA_PATHS.acPersonPassword(deviceId, personId, password)),
    deletePassword: (deviceId: string, personId: string, password: string) =>
      write('DELETE', TUYA_PATHS.acPersonPassword(deviceId, personId, password)),
  }
}
