// Drives the e2e server's built-in Tuya Cloud simulator through its control API (/_sim/…).
import { E2E_SIM_PORT } from '../e2e-env'
import { DEMO_BUILDING } from '@/simulator/demo-building'

export const E2E_SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`

export const DEMO = {
  lobbyTerminal: DEMO_BUILDING.devices.find((d) => d.kind === 'face_terminal')!,
  doorStation: DEMO_BUILDING.devices.find((d) => d.kind === 'door_station')!,
  gymLock: DEMO_BUILDING.devices.find((d) => d.kind === 'smart_lock')!,
  resident: (id: string) => DEMO_BUILDING.residents.find((r) => r.id === id)!,
}

export async function triggerDevice(deviceId: string, kind: string, residentId?: string) {
  const response = await fetch(`${E2E_SIM_URL}/_sim/devices/${deviceId}/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind, ...(residentId ? { residentId } : {}) }),
  })
  if (!response.ok) throw new Error(`trigger ${kind} on ${deviceId}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as { ok: true; messages: { sourceId: string }[] }
}
