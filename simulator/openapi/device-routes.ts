// Device list, details, firmware, status, specifications and commands (docs/tuya-devices.md §4.3).
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { CATEGORY_SPECS, describeSpecification } from '@/simulator/devices/device-specs'
import { emitRemoteUnlock } from '@/simulator/devices/trigger-device'
import type { Router } from '@/simulator/http/router'
import { SimApiError } from '@/simulator/openapi/api-error'
import {
  type ApiRoute,
  LIMITS,
  type OpenApiDeps,
  readInt,
  readJsonObject,
  requireDevice,
  requireOnline,
} from '@/simulator/openapi/api-types'
import { type SimDevice, setDeviceStatus } from '@/simulator/state/sim-state'
import { createHash } from 'node:crypto'

function stableHex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length)
}

/**
 * Device object as the device APIs return it; times are 10-digit seconds as in the doc examples. The device details
 * carry the product `model`; the project's device list is not documented to, so it leaves it out (the console
 * reads it from the details).
 */
export function describeDevice(deps: OpenApiDeps, device: SimDevice, { withModel = true } = {}) {
  const { def } = device
  const seconds = (ms: number) => Math.floor(ms / 1000)
  return {
    active_time: seconds(device.activeTime),
    biz_type: 0,
    category: def.category,
    create_time: seconds(device.activeTime),
    icon: `smart/icon/${def.productId}.png`,
    id: def.id,
    ip: `203.0.113.${(parseInt(stableHex(def.id, 2), 16) % 250) + 1}`,
    lat: '51.50',
    local_key: stableHex(`${def.id}:local`, 16),
    lon: '-0.12',
    ...(withModel ? { model: def.productModel } : {}),
    name: def.name,
    online: device.online,
    owner_id: '31270512',
    product_id: def.productId,
    product_name: def.productName,
    status: [...device.status].map(([code, s]) => ({ code, value: s.value })),
    sub: false,
    time_zone: '+00:00',
    uid: deps.ctx.state.building.ownerUid,
    update_time: seconds(deps.ctx.clock.now()),
    uuid: stableHex(`${def.id}:uuid`, 16),
  }
}

const MODULE_DESCRIPTIONS: Record<number, string> = { 0: 'Main module', 9: 'MCU' }

/**
 * GET /v2.0/cloud/thing/{device_id}/firmware: one entry per firmware module, with the documented fields; the demo
 * devices are up to date (target version = current, no update going on). Answered offline too: it is cloud data.
 */
export function describeFirmware(device: SimDevice) {
  return device.def.firmware.map((module) => ({
    type: module.type,
    type_desc: MODULE_DESCRIPTIONS[module.type] ?? `Module ${module.type}`,
    current_version: module.version,
    version: module.version,
    upgrade_status: 0,
    upgrade_type: 0,
    timeout: 300,
    control_type: 0,
    can_upgrade: false,
    last_upgrade_time: Math.floor(device.activeTime / 1000),
  }))
}

function sendCommands(deps: OpenApiDeps, device: SimDevice, body: Record<string, unknown>): boolean {
  const commands = body.commands
  if (!Array.isArray(commands) || commands.length === 0) throw new SimApiError(1100, 'param is empty: commands')
  const spec = CATEGORY_SPECS[device.def.category]
  const parsed = commands.map((c: unknown) => {
    const cmd = (c ?? {}) as { code?: unknown; value?: unknown }
    if (typeof cmd.code !== 'string' || !('value' in cmd)) throw new SimApiError(1109)
    if (!spec.functions.some((f) => f.code === cmd.code)) throw new SimApiError(2008)
    return { code: cmd.code, value: cmd.value }
  })
  requireOnline(device)
  const now = deps.ctx.clock.now()
  device.commands.push({ at: now, commands: parsed })
  for (const cmd of parsed) {
    setDeviceStatus(device, cmd.code, cmd.value, now)
    // Door stations and access panels open the door through a relay DP (§4.2, model B).
    if (cmd.code === 'door_relay' && cmd.value === true) {
      const message = emitRemoteUnlock(deps.ctx, device)
      device.unlockCommands.push({ at: now, via: 'device-command', open: true, messageId: message.messageId })
    }
  }
  return true
}

export function registerDeviceRoutes(router: Router<ApiRoute>, deps: OpenApiDeps): void {
  router.on('GET', TUYA_PATHS.projectDevices, {
    perSecond: LIMITS.read,
    handler: ({ query }) => {
      const size = readInt(query, 'size', 20)
      if (size < 1 || size > 100) throw new SimApiError(1101)
      const all = [...deps.ctx.state.devices.values()]
      const after = query.get('last_row_key') ?? ''
      const start = after ? all.findIndex((d) => d.def.id === after) + 1 : 0
      const page = all.slice(start, start + size)
      const hasMore = start + page.length < all.length
      return {
        devices: page.map((d) => describeDevice(deps, d, { withModel: false })),
        has_more: hasMore,
        last_row_key: page.length > 0 ? page[page.length - 1].def.id : after,
        total: all.length,
      }
    },
  })
  for (const prefix of ['/v1.0/devices', '/v1.0/iot-03/devices']) {
    router.on('GET', `${prefix}/{deviceId}`, {
      perSecond: LIMITS.read,
      handler: ({ params }) => describeDevice(deps, requireDevice(deps, params.deviceId)),
    })
    router.on('GET', `${prefix}/{deviceId}/status`, {
      perSecond: LIMITS.read,
      handler: ({ params }) =>
        [...requireDevice(deps, params.deviceId).status].map(([code, s]) => ({ code, value: s.value })),
    })
    router.on('POST', `${prefix}/{deviceId}/commands`, {
      perSecond: LIMITS.command,
      handler: (call) => sendCommands(deps, requireDevice(deps, call.params.deviceId), readJsonObject(call)),
    })
  }
  router.on('GET', '/v2.0/cloud/thing/{deviceId}/firmware', {
    perSecond: LIMITS.read,
    handler: ({ params }) => describeFirmware(requireDevice(deps, params.deviceId)),
  })
  router.on('GET', '/v1.1/devices/{deviceId}/specifications', {
    perSecond: LIMITS.read,
    handler: ({ params }) => describeSpecification(requireDevice(deps, params.deviceId).def.category),
  })
  router.on('GET', '/v1.0/devices/{deviceId}/specifications', {
    perSecond: LIMITS.read,
    handler: ({ params }) => {
      // The v1.0 variant has no dp_id (§4.3).
      const spec = describeSpecification(requireDevice(deps, params.deviceId).def.category)
      const strip = ({ code, type, values }: { code: string; type: string; values: string }) => ({ code, type, values })
      return { category: spec.category, functions: spec.functions.map(strip), status: spec.status.map(strip) }
    },
  })
}
