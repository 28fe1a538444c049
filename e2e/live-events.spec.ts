// The live path end to end: a device event in the simulator → message service → ingest → socket.io → the
// guard's browser, plus calls that ring on every console until the first guard answers.
import { expect, test } from './fixtures'
import { DEMO, E2E_SIM_URL, triggerDevice } from './support/simulator-control'

test.describe('live console', () => {
  test('a face unlock reaches the guard within 1 s with the resident name, then its snapshot', async ({
    page,
    signInAs,
  }) => {
    await signInAs('guard')
    await expect(page).toHaveURL(/\/console$/)
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    await expect(page.getByRole('region', { name: 'Live door activity' })).toHaveAttribute('data-loaded', 'yes')

    const resident = DEMO.resident(DEMO.lobbyTerminal.persons[2].residentId)
    await triggerDevice(DEMO.lobbyTerminal.id, 'face_unlock', resident.id)

    // A door event is on the guard's screen within a second (the acceptance bound).
    const item = page.getByTestId('feed-item').filter({ hasText: resident.name }).first()
    await expect(item).toBeVisible({ timeout: 1_000 })
    await expect(item).toContainText('Entered')
    await expect(item).toContainText('Face')
    await expect(item).toContainText(DEMO.lobbyTerminal.name)

    const thumb = item.getByTestId('snapshot-thumb')
    await expect(thumb).toBeVisible()
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  })

  test('a refused attempt shows as refused, and the access log lists both kinds', async ({ page, signInAs }) => {
    await signInAs('guard')
    await expect(page.getByRole('region', { name: 'Live door activity' })).toHaveAttribute('data-loaded', 'yes')
    await triggerDevice(DEMO.lobbyTerminal.id, 'unlock_failed')
    await expect(page.getByTestId('feed-item').filter({ hasText: 'Refused' }).first()).toBeVisible()

    await page.getByRole('link', { name: 'Access log' }).click()
    await page.getByLabel('Result').selectOption('denied')
    await expect(page.getByTestId('access-table')).toContainText('Refused')
    await expect(page.getByTestId('access-table')).not.toContainText('Entered')
  })

  test('a door call rings on every console and stops everywhere when the first guard answers', async ({
    browser,
    page,
    signInAs,
    seedUser,
  }) => {
    const first = await signInAs('guard')
    const second = await seedUser('guard')
    const otherContext = await browser.newContext()
    const other = await otherContext.newPage()
    await other.goto('/login')
    await other.getByLabel('Email').fill(second.email)
    await other.getByLabel('Password').fill(second.password)
    await other.getByRole('button', { name: 'Sign in' }).click()
    await expect(other.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')

    await triggerDevice(DEMO.doorStation.id, 'doorbell')
    const ringingHere = page.getByTestId('ringing-call')
    const ringingThere = other.getByTestId('ringing-call')
    await expect(ringingHere).toHaveCount(1)
    await expect(ringingThere).toHaveCount(1)

    await ringingHere.getByRole('button', { name: 'Answer' }).click()
    await expect(ringingHere).toHaveCount(0)
    await expect(ringingThere).toHaveCount(0)
    await expect(other.getByRole('region', { name: 'Door calls' })).toContainText(first.name)
    await otherContext.close()
  })

  test('a tamper alarm appears for the guard, repeats fold into one, and acknowledging is shared', async ({
    page,
    signInAs,
  }) => {
    await signInAs('guard')
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    await triggerDevice(DEMO.gymLock.id, 'tamper')
    await triggerDevice(DEMO.gymLock.id, 'tamper')
    const alarm = page.getByTestId('alarm-item').filter({ hasText: 'Tamper' }).filter({ hasText: DEMO.gymLock.name })
    await expect(alarm).toHaveCount(1)
    await expect(alarm).toContainText('×2')
    await alarm.getByRole('button', { name: 'Acknowledge' }).click()
    await expect(alarm).toContainText('acknowledged')
    // A critical alarm is resolved with a note (e2e/alarms.spec.ts covers the refusal without one).
    await alarm.getByRole('button', { name: 'Resolve', exact: true }).click()
    await alarm.getByLabel(/Resolution note/).fill('Checked: a delivery bumped the door')
    await alarm.getByRole('button', { name: 'Resolve alarm' }).click()
    await expect(alarm).toHaveCount(0)
  })
})

test('an admin sees a message the console could not understand, kept raw with the reason', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin')
  const marker = `mystery-${Date.now()}`
  const response = await fetch(`${E2E_SIM_URL}/_sim/emit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: { vendorThing: marker, note: 'not a shape the console knows' } }),
  })
  expect(response.ok).toBe(true)
  await page.goto('/devices')
  const kept = page.getByTestId('raw-messages').getByRole('listitem').filter({ hasText: marker })
  await expect(async () => {
    await page.reload()
    await kept.getByText('Raw payload').click()
  }).toPass()
  await expect(kept).toContainText(marker)
})
