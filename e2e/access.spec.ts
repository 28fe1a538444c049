// A manager investigates who came in: filters the access log by resident (typeahead) and method, shares the link
// with a second manager who sees the same rows, opens an event with the snapshot beside the enrolled photo, exports
// exactly the filtered rows as CSV (times with the building's offset), and opens the same filters as a report. A
// guard may read the log but reaches neither the export nor the reports.
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { LoginPage } from './pages/login-page'
import { seedEnrolledPhoto } from './support/enrolled-photo'
import { DEMO, triggerDevice } from './support/simulator-control'

const person = DEMO.lobbyTerminal.persons[1]
const resident = DEMO.resident(person.residentId)

/** The ids of the rows the access table shows (each row links to its event). */
async function shownIds(page: import('@playwright/test').Page): Promise<string[]> {
  const hrefs = await page
    .getByTestId('event-link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  return hrefs.map((href) => decodeURIComponent(href.split('?')[0].replace('/access/', '')))
}

test('a manager filters, shares, inspects, exports and reports on one resident’s entries', async ({
  browser,
  page,
  signInAs,
  seedUser,
}) => {
  // Operators are seeded before the doors get busy: the seeding process and the server share one SQLite file.
  await signInAs('manager')
  const colleague = await seedUser('manager')
  seedEnrolledPhoto(resident.id)
  await triggerDevice(DEMO.lobbyTerminal.id, 'face_unlock', resident.id)
  await triggerDevice(DEMO.lobbyTerminal.id, 'face_unlock', resident.id)
  await triggerDevice(DEMO.lobbyTerminal.id, 'card_unlock', resident.id)

  await page.goto('/access')
  await page.getByRole('combobox', { name: 'Resident' }).fill(resident.name.split(' ')[0])
  await page.getByRole('option', { name: new RegExp(resident.name) }).click()
  await expect(page).toHaveURL(new RegExp(`residentId=${resident.id}`))
  await page.getByLabel('Method').selectOption('face')
  await expect(page).toHaveURL(/method=face/)

  const table = page.getByTestId('access-table')
  // The rows load after the page does: wait for them after each reload, never read the table mid-load.
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('event-link').nth(1)).toBeVisible({ timeout: 5_000 })
  }).toPass()
  await expect(table).not.toContainText('Card')
  const ids = await shownIds(page)
  const shared = page.url()

  // Back undoes the last filter (the URL is the one source of truth).
  await page.goBack()
  await expect(page).not.toHaveURL(/method=face/)
  await expect(page.getByLabel('Method')).toHaveValue('')
  await page.goForward()
  await expect(page.getByLabel('Method')).toHaveValue('face')

  // A second manager opens the shared link and sees the same rows.
  const otherContext = await browser.newContext()
  try {
    const other = await otherContext.newPage()
    await new LoginPage(other).goto()
    await new LoginPage(other).signIn(colleague.email, colleague.password)
    await expect(other.getByTestId('user-name')).toHaveText(colleague.name)
    await other.goto(shared)
    await expect(other.getByTestId('picked-resident')).toHaveText(resident.name)
    await expect.poll(() => shownIds(other)).toEqual(ids)
  } finally {
    await otherContext.close()
  }

  // The newest face entry: its snapshot beside the enrolled photo, both loaded.
  await expect(table.getByTestId('snapshot-thumb').first()).toBeVisible()
  await page.getByTestId('event-link').first().click()
  await expect(page).toHaveURL(new RegExp(`/access/${ids[0]}`))
  const detail = page.getByTestId('access-detail')
  for (const testId of ['detail-snapshot', 'detail-enrolled-photo']) {
    const image = detail.getByTestId(testId)
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  }
  await expect(detail.getByTestId('nearby-events')).toContainText(resident.name)
  await expect(detail.getByTestId('raw-message')).toHaveCount(0) // managers do not read raw messages
  const photoViews = await page.request.get('/api/audit?action=photo.viewed')
  expect((await photoViews.json()).items.length).toBeGreaterThan(0)

  // The export holds exactly the filtered rows, times with the building's UTC offset.
  await page.goBack()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ])
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n')
  const header = csv[0].split(',')
  const records = csv.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])))
  await expect.poll(() => shownIds(page)).toEqual(records.map((r) => r.id))
  for (const record of records) {
    expect(record).toMatchObject({ method: 'face', residentId: resident.id })
    expect(record.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
  }

  // The same filters as a report.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await page.goto(`/reports?${new URL(shared).searchParams.toString()}`)
  await expect(page.getByTestId('total-entries')).toHaveText(String(records.length))
  await expect(page.getByTestId('busiest-residents')).toContainText(resident.name)
  await expect(page.getByTestId('chart-by-day')).toBeVisible()
})

test('a guard reads the access log but cannot export it or open the reports', async ({ page, signInAs }) => {
  await signInAs('guard')
  expect((await page.request.get('/api/access-events?limit=1')).status()).toBe(200)
  expect((await page.request.get('/api/access-events/export?format=csv')).status()).toBe(403)
  expect((await page.request.get('/api/reports/access')).status()).toBe(403)
  const response = await page.goto('/reports')
  expect(response?.status()).toBe(403)
  await page.goto('/access')
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' })).toHaveCount(0)
})
