// A realistic access history for the list and export benchmarks, generated deterministically (seeded PRNG) so the
// SQLite and PostgreSQL copies hold the same rows: 90 days, busier by day than by night, a few busy entrances and
// many quiet doors, residents who come and go at very different rates, mostly face and card, ~7 % refused.
export const DATASET_VERSION = 'access-v2'

export type DatasetDevice = {
  id: string
  tuyaId: string
  name: string
  category: string
  weight: number
  lock: boolean
}
export type DatasetResident = { id: string; name: string; externalId: string; weight: number; unitId: string | null }
export type DatasetUnit = { id: string; label: string; floor: number }
export type AccessRow = {
  id: string
  deviceId: string
  deviceTuyaId: string
  occurredAt: number
  receivedAt: number
  method: string
  result: string
  residentId: string | null
  residentName: string | null
  externalUserId: string | null
  credentialSlot: string | null
  sourceCode: string
  snapshotId: string | null
  snapshotState: string | null
  backfilled: boolean
}

/** mulberry32: tiny, fast, good enough to spread test data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pickIndex(cumulative: readonly number[], r: number): number {
  const target = r * cumulative[cumulative.length - 1]
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid] < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

const pickWeighted = <T>(items: readonly T[], cumulative: readonly number[], r: number): T =>
  items[pickIndex(cumulative, r)]

const cumulativeOf = (items: readonly { weight: number }[]) => {
  let sum = 0
  return items.map((i) => (sum += i.weight))
}

const FIRST = [
  'Alice',
  'Bruno',
  'Chen',
  'Dara',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Inès',
  'Jonas',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
]
const LAST = [
  'Martin',
  'Costa',
  'Wei',
  'Okafor',
  'Petrova',
  'Haddad',
  'Lee',
  'Silva',
  'García',
  'Berg',
  'Mensah',
  'Novak',
  'Rossi',
  'Khan',
  'Dubois',
]

const UNIT_LETTERS = 'ABCDEFGH'

/** A synthetic building: entrances and flat doors, units of 1–4 residents, residents of very different habits. */
export function createBuilding(deviceCount = 24, residentCount = 600, prefix = 'bench') {
  const random = createRandom(7)
  const unitCount = Math.max(1, Math.round(residentCount / 2.5))
  const units: DatasetUnit[] = Array.from({ length: unitCount }, (_, i) => ({
    id: `${prefix}-unit-${String(i).padStart(3, '0')}`,
    label: `${1 + Math.floor(i / UNIT_LETTERS.length)}${UNIT_LETTERS[i % UNIT_LETTERS.length]}`,
    floor: 1 + Math.floor(i / UNIT_LETTERS.length),
  }))
  const devices: DatasetDevice[] = Array.from({ length: deviceCount }, (_, i) => {
    const kind = i < 4 ? 'door_station' : i < 12 ? 'face_terminal' : 'smart_lock'
    return {
      id: `${prefix}-dev-${String(i).padStart(3, '0')}`,
      tuyaId: `${prefix}tuya${String(i).padStart(13, '0')}`,
      name: `${kind === 'smart_lock' ? 'Flat door' : kind === 'door_station' ? 'Gate' : 'Lobby'} ${i + 1}`,
      category: kind,
      // Entrances see far more traffic than flat doors.
      weight: kind === 'door_station' ? 30 : kind === 'face_terminal' ? 12 : 1.5,
      lock: kind === 'smart_lock',
    }
  })
  const residents: DatasetResident[] = Array.from({ length: residentCount }, (_, i) => ({
    id: `${prefix}-res-${String(i).padStart(4, '0')}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
    externalId: `${prefix}person${String(i).padStart(5, '0')}`,
    // Zipf-like: a few residents pass many doors a day, most a couple of times.
    weight: 1 / (1 + i) ** 0.8 + random() * 0.001,
    // Spread so that busy residents live in different units.
    unitId: units[(i * 7919) % unitCount].id,
  }))
  return { devices, residents, units }
}

export type Building = { devices: DatasetDevice[]; residents: DatasetResident[] }

const METHODS: readonly { method: string; weight: number }[] = [
  { method: 'face', weight: 55 },
  { method: 'card', weight: 25 },
  { method: 'password', weight: 8 },
  { method: 'remote', weight: 5 },
  { method: 'fingerprint', weight: 4 },
  { method: 'qr_code', weight: 1.5 },
  { method: 'temporary', weight: 1 },
  { method: 'other', weight: 0.5 },
]
const METHOD_CUMULATIVE = cumulativeOf(METHODS)
// Relative traffic by hour of day (local building time taken as UTC for simplicity).
const HOURLY = [1, 0.5, 0.3, 0.3, 0.5, 1.5, 4, 9, 10, 6, 4, 4, 5, 5, 4, 4, 6, 9, 10, 8, 6, 4, 3, 2]

const DAY_MS = 86_400_000

/** Rows in batches, oldest first, spread over `days` days ending at `end`. */
export function* generateAccessRows(
  total: number,
  end: number,
  batchSize: number,
  { days = 90, building = createBuilding(), seed = 42 }: { days?: number; building?: Building; seed?: number } = {},
): Generator<AccessRow[]> {
  const { devices, residents } = building
  const random = createRandom(seed)
  const deviceCumulative = cumulativeOf(devices)
  const residentCumulative = cumulativeOf(residents)
  const hourCumulative = cumulativeOf(HOURLY.map((weight) => ({ weight })))
  const start = end - days * DAY_MS
  // Ascending times: row k falls on day floor(k / perDay); within the day an hour is drawn by weight.
  const perDay = total / days
  let batch: AccessRow[] = []
  for (let k = 0; k < total; k++) {
    const day = Math.floor(k / perDay)
    const hourIndex = pickIndex(hourCumulative, random())
    const occurredAt = start + day * DAY_MS + hourIndex * 3_600_000 + Math.floor(random() * 3_600_000)
    const device = pickWeighted(devices, deviceCumulative, random())
    const method =
      device.lock && random() < 0.5
        ? random() < 0.7
          ? 'fingerprint'
          : 'password'
        : pickWeighted(METHODS, METHOD_CUMULATIVE, random()).method
    const denied = random() < 0.07
    const stranger = denied && random() < 0.6
    const resident = stranger ? null : pickWeighted(residents, residentCumulative, random())
    const captured = !device.lock && (method === 'face' || denied) && random() < 0.8
    const seq = (total - k).toString(36).padStart(5, '0')
    const id = `c${occurredAt.toString(36)}${seq}${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0')}`
    batch.push({
      id,
      deviceId: device.id,
      deviceTuyaId: device.tuyaId,
      occurredAt,
      receivedAt: occurredAt + 150 + Math.floor(random() * 1500),
      method,
      result: denied ? 'denied' : 'granted',
      residentId: resident?.id ?? null,
      residentName: resident?.name ?? null,
      externalUserId: device.lock ? null : (resident?.externalId ?? null),
      credentialSlot: device.lock && resident ? String(1 + (Number(resident.id.slice(-3)) % 50)) : null,
      sourceCode: device.lock ? `unlock_${method}` : 'accessRecord',
      snapshotId: captured ? `snap-${id}` : null,
      snapshotState: captured ? (random() < 0.92 ? 'stored' : 'failed') : null,
      backfilled: random() < 0.02,
    })
    if (batch.length === batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
