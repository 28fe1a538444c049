// The simulated cloud's memory: devices with what they hold (persons, faces, cards, PINs, lock members), the
// logs the OpenAPI serves for backfill, and the commands devices received. Plain data; behaviour lives elsewhere.
import type { DemoBuilding, DemoDevice, DemoLockMember, DemoResident } from '@/simulator/demo-building'

export type SimPerson = {
  personId: string
  name: string
  /** Validity window in ms (`begin_time` / `end_time`); the device refuses the person outside it. */
  beginTime?: number
  endTime?: number
  body: unknown
  updatedAt: number
}
export type SimFace = {
  personId: string
  faceId: string
  url: string
  /** The downloaded picture, kept in the media store (pinned: never evicted while enrolled). */
  mediaId: string
  bytes: number
  /** Hex SHA-256 of the downloaded bytes, so tests can prove which picture the device holds. */
  sha256: string | null
  enrolledAt: number
}
export type SimCard = { personId: string; cardNo: string; enrolledAt: number }
export type SimPin = { personId: string; pin: string; enrolledAt: number }
export type SimTempPassword = {
  id: number
  name: string
  password: string
  effectiveTime: number
  invalidTime: number
  /** 0 = reusable, 1 = single use (docs/tuya-devices.md §3.2). */
  type: number
  /** The value the lock reports in `unlock_temporary` when this password opens it. */
  slot: number
  createdAt: number
  revoked: boolean
  usedAt?: number
}

export type SimUnlockCommand = {
  at: number
  via: 'password-free-door-operate' | 'access-control-open' | 'device-command'
  open: boolean
  ticketId?: string
  personId?: string
  /** Message emitted in response (the device's report of the remote unlock), when any. */
  messageId?: string
}

export type SimReceivedCommand = { at: number; commands: { code: string; value: unknown }[] }

/** A vendor access record; `access-control-logs` serves these with the same `record_id` the message carried. */
export type SimAccessLog = {
  recordId: string
  deviceId: string
  time: number
  accessType: 'face' | 'card' | 'password' | 'remote' | 'other'
  success: boolean
  userId?: string
  userName?: string
  /** Capture stored in the media store; the log API signs a fresh URL on every query. */
  imageId?: string
}

/** A lock report (unlock or alarm); open-logs, records and alarm-logs serve these with `record_id` = `dataId`. */
export type SimLockLog = {
  recordId: string
  deviceId: string
  time: number
  recordType: 'normal' | 'alarm'
  code: string
  value: string | number | boolean
  userId?: string
  userName?: string
  unlockName?: string
  /** Encrypted capture stored for this record (bucket/path/key), resolvable like any Tuya file. */
  media?: { bucket: string; path: string; key: string }
}

export type SimLockMember = DemoLockMember & { nickName?: string }

export type SimOpenCall = { callId: string; startedAt: number; status: 'calling' | 'answered' }

export type SimDevice = {
  def: DemoDevice
  online: boolean
  /** Last value per DP code, with the time it was reported. */
  status: Map<string, { value: unknown; t: number }>
  persons: Map<string, SimPerson>
  /** Key `${personId}/${faceId}`. */
  faces: Map<string, SimFace>
  cards: Map<string, SimCard>
  pins: Map<string, SimPin>
  /** Lock members; those created through the API carry their own nick name instead of a demo resident. */
  members: SimLockMember[]
  tempPasswords: SimTempPassword[]
  unlockCommands: SimUnlockCommand[]
  commands: SimReceivedCommand[]
  accessLogs: SimAccessLog[]
  lockLogs: SimLockLog[]
  openCall?: SimOpenCall
  activeTime: number
}

export type SimState = {
  building: DemoBuilding
  devices: Map<string, SimDevice>
  residents: Map<string, DemoResident>
  /** Resident lookup by Tuya person id (vendor `userId`). */
  residentsByPersonId: Map<string, DemoResident>
}

const DEFAULT_STATUS: Record<DemoDevice['model'], Record<string, unknown>> = {
  lock: { residual_electricity: 87, closed_opened: 'closed', doorbell: false, hijack: false, unlock_request: 0 },
  door_station: { doorbell: '', door_relay: false, basic_indicator: true },
  access_control: { doorbell: false, closed_open_state: 'closed', door_relay: false },
}

function createDevice(def: DemoDevice, building: DemoBuilding, now: number): SimDevice {
  const residentName = (id: string) => building.residents.find((r) => r.id === id)
  const device: SimDevice = {
    def,
    online: def.online,
    status: new Map(Object.entries(DEFAULT_STATUS[def.model]).map(([code, value]) => [code, { value, t: now }])),
    persons: new Map(),
    faces: new Map(),
    cards: new Map(),
    pins: new Map(),
    members: def.members.map((m) => ({ ...m })),
    tempPasswords: [],
    unlockCommands: [],
    commands: [],
    accessLogs: [],
    lockLogs: [],
    activeTime: now - 90 * 24 * 3600_000,
  }
  for (const enrolment of def.persons) {
    const resident = residentName(enrolment.residentId)
    if (!resident) continue
    const personId = resident.tuyaPersonId
    device.persons.set(personId, { personId, name: resident.name, body: { name: resident.name }, updatedAt: now })
    if (enrolment.faceId) {
      device.faces.set(`${personId}/${enrolment.faceId}`, {
        personId,
        faceId: enrolment.faceId,
        url: `sim://enrolment/${resident.id}.jpg`,
        mediaId: `enrolment-${resident.id}`,
        bytes: 0,
        sha256: null,
        enrolledAt: now,
      })
    }
    if (enrolment.cardNo) device.cards.set(enrolment.cardNo, { personId, cardNo: enrolment.cardNo, enrolledAt: now })
    if (enrolment.pin) device.pins.set(enrolment.pin, { personId, pin: enrolment.pin, enrolledAt: now })
  }
  return device
}

export function createSimState(building: DemoBuilding, now: number): SimState {
  return {
    building,
    devices: new Map(building.devices.map((d) => [d.id, createDevice(d, building, now)])),
    residents: new Map(building.residents.map((r) => [r.id, r])),
    residentsByPersonId: new Map(building.residents.map((r) => [r.tuyaPersonId, r])),
  }
}

/** Resident for a device person id, also for persons the app created that are not in the demo building. */
export function findResidentByPersonId(state: SimState, personId: string): DemoResident | undefined {
  return state.residentsByPersonId.get(personId) ?? state.residents.get(personId)
}

/** Whether a person is inside their validity window at `now` (an open end means no limit). */
export function isWithinValidity(person: Pick<SimPerson, 'beginTime' | 'endTime'>, now: number): boolean {
  return (
    (person.beginTime === undefined || now >= person.beginTime) &&
    (person.endTime === undefined || now <= person.endTime)
  )
}

/** Whether a temporary password opens the lock at `now`: its times are 10-digit seconds (§3.2). */
export function tempPasswordVerdict(
  password: SimTempPassword,
  now: number,
): 'usable' | 'revoked' | 'already_used' | 'outside_validity' {
  if (password.revoked) return 'revoked'
  if (password.type === 1 && password.usedAt !== undefined) return 'already_used'
  const seconds = Math.floor(now / 1000)
  return seconds >= password.effectiveTime && seconds <= password.invalidTime ? 'usable' : 'outside_validity'
}

export function setDeviceStatus(device: SimDevice, code: string, value: unknown, t: number): void {
  device.status.set(code, { value, t })
}

/** Keeps logs bounded so demo runs of days and load benchmarks don't grow memory without limit. */
export function appendBounded<T>(list: T[], item: T, max = 50_000): void {
  list.push(item)
  if (list.length > max) list.splice(0, list.length - max)
}
