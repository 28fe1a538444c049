// Data-point specifications per category, as `/v1.1/devices/{id}/specifications` returns them (`values` is a JSON
// string). DP ids follow the products cited in docs/tuya-devices.md §1.1-§1.3; they are per product.
import type { DemoTuyaCategory } from '@/simulator/demo-building'

export type DpType = 'Boolean' | 'Integer' | 'Enum' | 'String' | 'Raw'
export type DpSpec = { code: string; dpId: number; type: DpType; values: Record<string, unknown> }
export type CategorySpec = { status: DpSpec[]; functions: DpSpec[] }

const slot = { unit: '', min: 0, max: 999, scale: 0, step: 1 }
const ALARM_LOCK_RANGE = [
  'wrong_finger',
  'wrong_password',
  'wrong_card',
  'wrong_face',
  'tongue_bad',
  'too_hot',
  'unclosed_time',
  'tongue_not_out',
  'pry',
  'key_in',
  'low_battery',
  'power_off',
  'shock',
  'defense',
  'stay_alarm',
]

const LOCK_STATUS: DpSpec[] = [
  { code: 'unlock_fingerprint', dpId: 1, type: 'Integer', values: slot },
  { code: 'unlock_password', dpId: 2, type: 'Integer', values: slot },
  { code: 'unlock_temporary', dpId: 3, type: 'Integer', values: slot },
  { code: 'unlock_card', dpId: 5, type: 'Integer', values: slot },
  { code: 'unlock_face', dpId: 6, type: 'Integer', values: slot },
  { code: 'alarm_lock', dpId: 8, type: 'Enum', values: { range: ALARM_LOCK_RANGE } },
  { code: 'unlock_request', dpId: 9, type: 'Integer', values: { unit: 's', min: 0, max: 90, scale: 0, step: 1 } },
  {
    code: 'residual_electricity',
    dpId: 12,
    type: 'Integer',
    values: { unit: '%', min: 0, max: 100, scale: 0, step: 1 },
  },
  { code: 'unlock_app', dpId: 15, type: 'Integer', values: slot },
  { code: 'hijack', dpId: 16, type: 'Boolean', values: {} },
  { code: 'closed_opened', dpId: 18, type: 'Enum', values: { range: ['unknown', 'open', 'closed'] } },
  { code: 'doorbell', dpId: 19, type: 'Boolean', values: {} },
]
const LOCK_FUNCTIONS: DpSpec[] = [
  { code: 'reply_unlock_request', dpId: 10, type: 'Boolean', values: {} },
  { code: 'automatic_lock', dpId: 33, type: 'Boolean', values: {} },
  { code: 'auto_lock_time', dpId: 36, type: 'Integer', values: { unit: 's', min: 0, max: 1800, scale: 0, step: 1 } },
]

const ACCESS_CONTROL_STATUS: DpSpec[] = [
  { code: 'unlock_password', dpId: 11, type: 'String', values: { maxlen: 255 } },
  { code: 'unlock_card', dpId: 12, type: 'String', values: { maxlen: 255 } },
  { code: 'unlock_app', dpId: 22, type: 'String', values: { maxlen: 255 } },
  { code: 'closed_open_state', dpId: 35, type: 'String', values: { maxlen: 255 } },
  { code: 'doorbell', dpId: 101, type: 'Boolean', values: {} },
  { code: 'door_relay', dpId: 148, type: 'Boolean', values: {} },
]
const ACCESS_CONTROL_FUNCTIONS: DpSpec[] = [
  { code: 'door_relay', dpId: 148, type: 'Boolean', values: {} },
  { code: 'doorbell_volume', dpId: 25, type: 'Enum', values: { range: ['mute', 'low', 'normal', 'high'] } },
]

const DOOR_STATION_STATUS: DpSpec[] = [
  { code: 'basic_indicator', dpId: 101, type: 'Boolean', values: {} },
  { code: 'movement_detect_pic', dpId: 115, type: 'Raw', values: {} },
  { code: 'doorbell', dpId: 136, type: 'String', values: { maxlen: 255 } },
  { code: 'door_relay', dpId: 148, type: 'Boolean', values: {} },
  { code: 'doorbell_pic', dpId: 154, type: 'Raw', values: {} },
  { code: 'alarm_message', dpId: 185, type: 'String', values: { maxlen: 255 } },
]
const DOOR_STATION_FUNCTIONS: DpSpec[] = [
  { code: 'door_relay', dpId: 148, type: 'Boolean', values: {} },
  { code: 'basic_indicator', dpId: 101, type: 'Boolean', values: {} },
]

export const CATEGORY_SPECS: Record<DemoTuyaCategory, CategorySpec> = {
  jtmspro: { status: LOCK_STATUS, functions: LOCK_FUNCTIONS },
  videolock: { status: LOCK_STATUS, functions: LOCK_FUNCTIONS },
  mk: { status: ACCESS_CONTROL_STATUS, functions: ACCESS_CONTROL_FUNCTIONS },
  sp: { status: DOOR_STATION_STATUS, functions: DOOR_STATION_FUNCTIONS },
}

export function findDpId(category: DemoTuyaCategory, code: string): number | undefined {
  const spec = CATEGORY_SPECS[category]
  return (spec.status.find((s) => s.code === code) ?? spec.functions.find((s) => s.code === code))?.dpId
}

/** The `specifications` result: `values` serialised as JSON strings, `dp_id` as in the /v1.1 variant. */
export function describeSpecification(category: DemoTuyaCategory) {
  const render = (s: DpSpec) => ({ code: s.code, dp_id: s.dpId, type: s.type, values: JSON.stringify(s.values) })
  const spec = CATEGORY_SPECS[category]
  return { category, functions: spec.functions.map(render), status: spec.status.map(render) }
}
