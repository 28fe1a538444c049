// Only what a role may see: a manager's (and a guard's) browser never asks for something its role is refused.
// Each signs in, opens every page the navigation offers (and the pages below them: an alarm's history, a resident,
// a device) while door events, calls and alarms arrive live; no response in the whole session may be a 403.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'

/** Lets the page's requests (and the refetches live events cause) finish before the next step. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
}

async function liveTraffic(page: Page) {
  await triggerDevice(DEMO.lobbyTerminal.id, 'face_unlock', DEMO.lobbyTerminal.persons[0].residentId)
  await triggerDevice(DEMO.gymLock.id, 'tamper')
  await triggerDevice(DEMO.doorStation.id, 'doorbell')
  await triggerDevice(DEMO.doorStation.id, 'call_missed')
  await settle(page)
}

for (const role of ['manager', 'guard'] as const) {
  test(`a ${role}'s browser makes no request its role is refused (no 403 on any page)`, async ({ page, signInAs }) => {
    const forbidden: string[] = []
    page.on('response', (response) => {
      if (response.status() === 403) forbidden.push(`${response.request().method()} ${response.url()}`)
    })
    await signInAs(role)
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    const nav = page.getByRole('navigation', { name: 'Main' })
    const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.length).toBeGreaterThan(2)

    for (const href of hrefs) {
      await nav.locator(`a[href="${href}"]`).click()
      await expect(page).toHaveURL(new RegExp(`${href}$`))
      await settle(page)
      await liveTraffic(page)
      await page.reload()
      await settle(page)
    }

    // Below the pages: an alarm's history, and (for roles that open devices) a device's page.
    await page.goto('/alarms')
    await page.getByLabel('State').selectOption('')
    await page.getByTestId('alarm-row').first().getByRole('button', { name: 'History' }).click()
    await expect(page.getByTestId('alarm-history').first()).toBeVisible()
    await settle(page)
    await page.goto('/residents')
    await page.locator('a[href^="/residents/"]').first().click()
    await expect(page).toHaveURL(/\/residents\/[^/]+$/)
    await settle(page)
    await liveTraffic(page)
    if (hrefs.includes('/devices')) {
      await page.goto('/devices')
      await page.getByTestId('device-item').first().getByRole('link').click()
      await expect(page.getByTestId('device-name')).toBeVisible()
      await liveTraffic(page)
    }
    if (role === 'manager') expect(hrefs).not.toContain('/console')

    expect(forbidden).toEqual([])
  })
}
