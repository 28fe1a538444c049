// Alarm handling end to end: a guard acknowledges a tamper alarm, assigns it to the other guard, comments, and
// resolves it (refused without a note first, by the form and by the API); an admin shortens the high-priority
// escalation time through the settings API and an unacknowledged alarm escalates under it; a device taken offline
// in the simulator raises one offline alarm, resolved when it comes back.
import type { Page } from '@playwright/test'
import en from '@/messages/en.json'
import { expect, test } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'
import { DEMO_BUILDING } from '@/simulator/demo-building'

const bikeLock = DEMO_BUILDING.devices.find((d) => d.name === 'Bike Store Video Lock')!

/** A write with the signed-in session: same-origin JSON, as the console itself sends. */
async function apiWrite(page: Page, method: 'POST' | 'PUT', path: string, data: unknown) {
  const origin = new URL(page.url()).origin
  const response = await page.request.fetch(path, { method, data, headers: { origin } })
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> }
}

test.describe('alarm handling', () => {
  test('a tamper alarm is acknowledged, assigned to the other guard, commented and resolved with a note', async ({
    page,
    signInAs,
    seedUser,
  }) => {
    const other = await seedUser('guard')
    const me = await signInAs('guard')
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    await triggerDevice(DEMO.gymLock.id, 'tamper')
    const alarm = page.getByTestId('alarm-item').filter({ hasText: 'Tamper' }).filter({ hasText: DEMO.gymLock.name })
    await expect(alarm).toHaveCount(1)
    const alarmId = await alarm.getAttribute('data-alarm-id')

    await alarm.getByRole('button', { name: 'Acknowledge' }).click()
    await expect(alarm).toContainText('acknowledged')

    await alarm.getByRole('button', { name: 'Assign', exact: true }).click()
    await alarm.getByLabel('Assign to').selectOption({ label: `${other.name} (${en.roles.guard})` })
    await alarm.getByRole('button', { name: 'Assign', exact: true }).last().click()
    await expect(alarm).toContainText(`assigned to ${other.name}`)

    await alarm.getByRole('button', { name: 'Comment' }).click()
    await alarm.getByLabel('Comment').fill('Camera shows a cyclist leaning on the lock')
    await alarm.getByRole('button', { name: 'Add comment' }).click()

    // Resolving a critical alarm: the form will not send without a note, and the API refuses one without it.
    await alarm.getByRole('button', { name: 'Resolve', exact: true }).click()
    await expect(alarm.getByRole('button', { name: 'Resolve alarm' })).toBeDisabled()
    const refused = await apiWrite(page, 'POST', `/api/alarms/${alarmId}/resolve`, {})
    expect(refused.status).toBe(422)
    expect(refused.body).toMatchObject({
      error: { code: 'note_required', message: expect.stringContaining('resolved only with a note') },
    })
    await expect(alarm).toHaveCount(1)

    // The history shows everything so far, with who did it.
    await alarm.getByRole('button', { name: 'History' }).click()
    const notes = alarm.getByTestId('alarm-note')
    await expect(notes).toHaveCount(3)
    await expect(notes.nth(0)).toContainText('Acknowledged')
    await expect(notes.nth(1)).toContainText(`Assigned to ${other.name}`)
    await expect(notes.nth(2)).toContainText('Camera shows a cyclist')
    await expect(notes.nth(2)).toContainText(me.name)

    await alarm.getByLabel(/Resolution note/).fill('Cyclist moved on; lock checked, undamaged')
    await alarm.getByRole('button', { name: 'Resolve alarm' }).click()
    await expect(alarm).toHaveCount(0)

    // On the alarms page, resolved: the whole history, in order.
    await page.goto('/alarms')
    await page.getByLabel('State').selectOption('resolved')
    const row = page.getByTestId('alarm-row').filter({ hasText: `assigned to ${other.name}` })
    await expect(row).toHaveCount(1)
    await row.getByRole('button', { name: 'History' }).click()
    await expect(row.getByTestId('alarm-note')).toHaveText([
      /Acknowledged/,
      /Assigned/,
      /Comment/,
      /Resolved.*Cyclist moved on/,
    ])
  })

  test('an unacknowledged high-priority alarm escalates under a short configured time', async ({ page, signInAs }) => {
    await signInAs('admin')
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    const saved = await apiWrite(page, 'PUT', '/api/settings/escalation', {
      critical: 1,
      high: 0.05, // 3 s
      medium: 15,
      low: 1440,
    })
    expect(saved).toMatchObject({ status: 200, body: { high: 0.05 } })
    try {
      // Refused on the way in: not positive.
      expect((await apiWrite(page, 'PUT', '/api/settings/escalation', { ...saved.body, high: 0 })).status).toBe(400)

      await triggerDevice(DEMO.lobbyTerminal.id, 'loitering')
      const alarm = page
        .getByTestId('alarm-item')
        .filter({ hasText: 'Loitering' })
        .filter({ hasText: DEMO.lobbyTerminal.name })
      await expect(alarm).toHaveAttribute('data-priority', 'high')
      // The sweeper runs every 15 s; the alarm is escalated on its first run after 3 s.
      await expect(alarm.getByText('Escalated')).toBeVisible({ timeout: 30_000 })
      await alarm.getByRole('button', { name: 'History' }).click()
      await expect(alarm.getByTestId('alarm-note').filter({ hasText: 'Escalated' })).toContainText('System')
      await alarm.getByRole('button', { name: 'Resolve', exact: true }).click()
      await alarm.getByLabel(/Resolution note/).fill('Visitor waiting for a resident')
      await alarm.getByRole('button', { name: 'Resolve alarm' }).click()
      await expect(alarm).toHaveCount(0)
    } finally {
      await apiWrite(page, 'PUT', '/api/settings/escalation', { critical: 1, high: 5, medium: 15, low: 1440 })
    }
  })

  test('a device taken offline in the simulator raises one offline alarm, resolved when it is back', async ({
    page,
    signInAs,
  }) => {
    await signInAs('guard')
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    await triggerDevice(bikeLock.id, 'offline')
    try {
      const alarm = page
        .getByTestId('alarm-item')
        .filter({ hasText: 'Device offline' })
        .filter({ hasText: bikeLock.name })
      await expect(alarm).toHaveCount(1)
      // Reported again: still one alarm, its count going up.
      const before = await alarm.textContent()
      await triggerDevice(bikeLock.id, 'offline')
      await expect(alarm).toContainText(/×\d+/)
      await expect(alarm).not.toHaveText(before ?? '')
      await expect(alarm).toHaveCount(1)

      // The device page shows it offline, with the alarm.
      await page.getByRole('link', { name: bikeLock.name }).first().click()
      await expect(page.getByTestId('device-name')).toHaveText(bikeLock.name)
      await expect(page.getByTestId('device-online')).toHaveAttribute('data-online', 'no')
      await expect(page.getByTestId('device-alarms')).toContainText('Device offline')
    } finally {
      await triggerDevice(bikeLock.id, 'online')
    }
    await expect(page.getByTestId('device-online')).toHaveAttribute('data-online', 'yes', { timeout: 15_000 })
    const listed = await page.request.get(`/api/alarms?type=device_offline&state=resolved`)
    const items = ((await listed.json()) as { items: { deviceName: string }[] }).items
    expect(items.filter((a) => a.deviceName === bikeLock.name)).toHaveLength(1)
  })
})
