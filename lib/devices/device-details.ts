// What the console keeps of a device's product and firmware, from Tuya's answers (docs/tuya-devices.md §4.3): the
// product name (device list and details, `product_name`), the model (device details, `model`) and the firmware
// modules (`GET /v2.0/cloud/thing/{device_id}/firmware`: one entry per module, its channel number `type` — 0 the
// main module, 9 the MCU — and `current_version`). Everything here is text from the network: trimmed, cut to a
// length a page can show, control characters dropped, and anything else ignored.

/** One firmware module of a device: its channel number and the version it runs. */
export type FirmwareModule = { type: number; version: string }

const MAX_TEXT = 120
const MAX_VERSION = 40
const MAX_MODULES = 16

/** A display string from an untrusted value; null for anything that is not non-empty text. */
export function cleanText(value: unknown, max = MAX_TEXT): string | null {
  if (typeof value !== 'string') return null
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()
  return text ? text.slice(0, max) : null
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null

/** A channel number: `type` as documented; `module_type` (the older upgrade-infos API) and `channel` also seen. */
function channelOf(entry: Record<string, unknown>): number | null {
  for (const key of ['type', 'module_type', 'channel']) {
    const value = entry[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000) return value
  }
  return null
}

/**
 * The modules of a firmware answer (a list, or one object as one documented example shows), ordered by channel;
 * an entry without a current version, or a channel already seen, is left out.
 */
export function firmwareModulesOf(result: unknown): FirmwareModule[] {
  const entries = Array.isArray(result) ? result : result === null || result === undefined ? [] : [result]
  const modules = new Map<number, string>()
  for (const raw of entries.slice(0, MAX_MODULES * 4)) {
    const entry = asRecord(raw)
    if (!entry) continue
    const type = channelOf(entry)
    const version = cleanText(entry.current_version, MAX_VERSION)
    if (type === null || version === null || modules.has(type)) continue
    modules.set(type, version)
  }
  return [...modules]
    .sort(([a], [b]) => a - b)
    .slice(0, MAX_MODULES)
    .map(([type, version]) => ({ type, version }))
}

/** The stored JSON back as modules (written by storedFirmware); anything malformed reads as none. */
export function parseFirmware(stored: string | null): FirmwareModule[] {
  if (!stored) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return parsed.flatMap((value) => {
    const entry = asRecord(value)
    return entry && typeof entry.type === 'number' && typeof entry.version === 'string'
      ? [{ type: entry.type, version: entry.version }]
      : []
  })
}

export function storedFirmware(modules: FirmwareModule[]): string | null {
  return modules.length ? JSON.stringify(modules) : null
}
