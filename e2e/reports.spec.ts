// The access report in a browser: the charts library loads on the reports page only, the numbers follow the URL
// filters, and printing shows the report alone (no navigation, header or filter bar), with the refused attempts'
// thumbnails.
import { expect, test } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'

test('the report follows its URL filters and prints as a clean report', async ({ page, signInAs }) => {
  const resident = DEMO.resident(DEMO.lobbyTerminal.persons[0].residentId)
  await signInAs('manager')
  await triggerDevice(DEMO.lobbyTerminal.id, 'face_unlock', resident.id)
  await triggerDevice(DEMO.lobbyTerminal.id, 'unlock_failed')

  const scripts: string[] = []
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()))
  await page.goto('/access')
  await expect(page.getByTestId('access-table')).toBeVisible()
  const beforeReports = scripts.length

  await page.goto('/reports?range=7d')
  const report = page.getByTestId('access-report')
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('total-refused')).not.toHaveText('0', { timeout: 1_000 })
  }).toPass()
  await expect(page.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('weekday-hour-grid')).toBeVisible()
  for (const chart of ['chart-by-day', 'chart-by-method', 'chart-by-door'])
    await expect(page.getByTestId(chart)).toBeVisible()
  expect(scripts.length).toBeGreaterThan(beforeReports) // the chart chunk came with the reports page

  // A filter changes the numbers and the URL together.
  const total = Number(await page.getByTestId('total-entries').textContent())
  await page.getByLabel('Result').selectOption('denied')
  await expect(page).toHaveURL(/result=denied/)
  await expect(page.getByTestId('total-entries')).toHaveText('0')
  await page.goBack()
  await expect(page.getByTestId('total-entries')).toHaveText(String(total))

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByRole('group', { name: 'Time range' })).toBeHidden()
  await expect(report).toBeVisible()
  await expect(page.getByTestId('recent-refused')).toBeVisible()
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
})
