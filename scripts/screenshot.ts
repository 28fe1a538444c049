// `npm run screenshot`: the README's pictures of the guard's console under demo traffic, taken in Debian's
// Chromium from a running console (`npm start`) and its simulator. It signs in as a guard, makes the demo building
// busy through the simulator's control API (unlocks of every kind, a refused attempt, a tamper alarm, a door call)
// and saves docs/images/console.png (feed and open alarms) and docs/images/call.png (the call dialog ringing).
//
//   npm run screenshot -- --email guard@demo.local --password '…'
//
// Options: --base (console URL, default http://127.0.0.1:3000), --sim (simulator URL, default http://127.0.0.1:4100),
// --out (folder, default docs/images).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { DEMO_BUILDING } from '@/simulator/demo-building'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    base: { type: 'string', default: 'http://127.0.0.1:3000' },
    sim: { type: 'string', default: 'http://127.0.0.1:4100' },
    out: { type: 'string', default: 'docs/images' },
  },
})
const { email, password } = values
if (!email || !password) {
  console.error('usage: npm run screenshot -- --email <guard e-mail> --password <password> [--base URL] [--sim URL]')
  process.exit(2)
}

const device = (kind: string) => DEMO_BUILDING.devices.find((d) => d.kind === kind)!

async function trigger(deviceId: string, kind: string): Promise<void> {
  const response = await fetch(`${values.sim}/_sim/devices/${deviceId}/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
  })
  // A demo device may lack a credential for some kind (409): the picture only needs most of them.
  if (!response.ok && response.status !== 409)
    throw new Error(`trigger ${kind} on ${deviceId}: HTTP ${response.status} ${await response.text()}`)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main(email: string, password: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const context = await browser.newContext({
      baseURL: values.base,
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'dark',
      locale: 'en-GB',
    })
    const page = await context.newPage()
    await page.goto('/login')
    await page.locator('form input[name="email"]').fill(email)
    await page.locator('form input[name="password"]').fill(password)
    await page.locator('form button[type="submit"]').click()
    await page.waitForURL(/\/console/)
    await page.getByText('Live', { exact: true }).waitFor()

    const lobby = device('face_terminal')
    const gym = device('smart_lock')
    const station = device('door_station')
    const traffic: [string, string][] = [
      [lobby.id, 'face_unlock'],
      [gym.id, 'pin_unlock'],
      [lobby.id, 'card_unlock'],
      [station.id, 'face_unlock'],
      [lobby.id, 'unlock_failed'],
      [gym.id, 'remote_unlock'],
      [lobby.id, 'face_unlock'],
      [station.id, 'card_unlock'],
      [lobby.id, 'face_unlock'],
      [gym.id, 'tamper'],
      [lobby.id, 'face_unlock'],
    ]
    for (const [deviceId, kind] of traffic) {
      await trigger(deviceId, kind)
      await pause(250)
    }
    await pause(1500) // snapshots arrive after their events
    mkdirSync(values.out!, { recursive: true })
    const consoleShot = path.join(values.out!, 'console.png')
    await page.screenshot({ path: consoleShot })

    await trigger(station.id, 'doorbell')
    await page.getByRole('alertdialog').waitFor()
    await pause(2500) // the live view starts playing
    const callShot = path.join(values.out!, 'call.png')
    await page.screenshot({ path: callShot })
    await page.keyboard.press('Escape') // decline, so the building is left quiet
    console.log(`saved ${consoleShot} and ${callShot}`)
  } finally {
    await browser.close()
  }
}

main(email, password).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
