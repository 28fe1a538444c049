// The console's door activity under the guard's hands: Pause holds the list still and counts what arrives, Resume
// shows it all; the feed filters by result; a row opens the event in full (device time beside receive time).
// And a device's own page: its state, product, model and firmware, the remote open with its confirmation, and no
// serious accessibility issue.
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'

test('the live feed pauses, counts new events, resumes, filters and opens an event', async ({ page, signInAs }) => {
  await signInAs('guard')
  await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
  const feed = page.getByRole('region', { name: 'Live door activity' })
  await expect(feed).toHaveAttribute('data-loaded', 'yes')
  const resident = DEMO.resident(DEMO.lobbyTerminal.persons[1].residentId)

  await feed.getByRole('button', { name: 'Pause' }).click()
  await triggerDevice(DEMO.lobbyTerminal.id, 'face_unlock', resident.id)
  await triggerDevice(DEMO.lobbyTerminal.id, 'unlock_failed')
  const resume = feed.getByTestId('feed-resume')
  await expect(resume).toHaveText(/^\s*2 new — resume$/)
  await expect(feed.getByTestId('feed-item').filter({ hasText: 'Refused' })).toHaveCount(0)

  await resume.click()
  await expect(feed).toHaveAttribute('data-paused', 'no')
  await expect(feed.getByTestId('feed-item').first()).toContainText('Refused')
  await expect(feed.getByTestId('feed-item').nth(1)).toContainText(resident.name)

  await feed.getByLabel('Feed: outcome').selectOption('denied')
  await expect(feed.getByTestId('feed-item').filter({ hasText: 'Entered' })).toHaveCount(0)
  await feed.getByLabel('Feed: outcome').selectOption('')

  // A row's button is named by what it shows (WCAG 2.5.3), so the resident's name finds it.
  await feed.getByTestId('feed-item').filter({ hasText: resident.name }).first().getByRole('button').click()
  const drawer = page.getByRole('dialog', { name: 'Event details' })
  await expect(drawer).toContainText(resident.name)
  await expect(drawer).toContainText('Face')
  await expect(drawer).toContainText('Device time')
  await expect(drawer).toContainText(/received .* after the device time|ahead of the console/)
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)
})

test('a device page shows the door, opens it after confirmation, and has no serious accessibility issue', async ({
  page,
  signInAs,
}) => {
  await signInAs('guard')
  await page.goto('/devices')
  await page.getByRole('link', { name: DEMO.doorStation.name }).click()
  await expect(page.getByTestId('device-name')).toHaveText(DEMO.doorStation.name)
  await expect(page.getByTestId('device-online')).toHaveAttribute('data-online', 'yes')
  // What the door is, as the cloud reports it: product and model from the device list and details, and each
  // firmware module's version (read after start-up; the page follows the device.updated that carries them).
  await expect(page.getByTestId('device-product')).toHaveText(DEMO.doorStation.productName)
  await expect(page.getByTestId('device-model')).toHaveText(DEMO.doorStation.productModel)
  const [main, mcu] = [0, 9].map((type) => DEMO.doorStation.firmware.find((m) => m.type === type)!.version)
  const firmware = page.getByTestId('device-firmware')
  await expect(firmware).toContainText(`Main module ${main}`)
  await expect(firmware).toContainText(`MCU ${mcu}`)
  await page.getByRole('button', { name: 'Open door' }).click()
  await page
    .getByRole('group', { name: `Confirm opening ${DEMO.doorStation.name}` })
    .getByRole('button', {
      name: 'Confirm',
    })
    .click()
  await expect(page.getByRole('status').filter({ hasText: 'Door opened' })).toBeVisible()
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
})
