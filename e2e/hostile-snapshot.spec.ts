// A device (or whoever can sign a webhook) chooses the snapshot URL, and the server at that URL chooses the
// bytes and the Content-Type. A file that is a JPEG and an HTML page at once, sent as text/html, must never
// become a page on the console's origin (where its script could call the unlock API with the guard's
// session): opened directly in the browser it is an image, and no script of it runs. HTML sent as image/jpeg
// never gets a snapshot at all.
import { createHtmlJpegPolyglot } from '@/lib/snapshots/fixtures/html-jpeg-polyglot'
import { expect, test } from './fixtures'
import { DEMO, E2E_SIM_URL } from './support/simulator-control'

const MARKER = 'hostile-snapshot-script-ran'
const PAGE = `<html><head><title>pwned</title></head><body><script>console.log('${MARKER}');document.title='${MARKER}'</script></body></html>`

async function simPost<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${E2E_SIM_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** The simulator hosts the bytes with the content type it is told, then the face terminal reports an entry. */
async function emitEntryWithImage(residentId: string, bytes: Buffer, contentType: string) {
  const { url } = await simPost<{ url: string }>('/_sim/media', { base64: bytes.toString('base64'), contentType })
  const resident = DEMO.resident(residentId)
  const device = DEMO.lobbyTerminal
  const recordId = `rec-hostile-${Date.now().toString(36)}-${residentId}`
  const time = Date.now()
  await simPost('/_sim/emit', {
    protocol: 20,
    devId: device.id,
    sourceId: recordId,
    payload: {
      bizCode: 'accessRecord',
      bizData: {
        devId: device.id,
        recordId,
        way: 4,
        success: true,
        time,
        userId: resident.tuyaPersonId,
        imageUrl: url,
      },
      devId: device.id,
      productKey: device.productId,
      ts: time,
    },
  })
  // The URL the snapshot was fetched from is the device's, not the console's: never shown to the browser.
  expect(url.startsWith(E2E_SIM_URL)).toBe(true)
  return resident
}

test('a snapshot whose bytes are an HTML page is never rendered as a page, whatever its remote content type', async ({
  page,
  signInAs,
}) => {
  await signInAs('guard')
  await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
  await expect(page.getByRole('region', { name: 'Live door activity' })).toHaveAttribute('data-loaded', 'yes')
  const portrait = Buffer.from(await (await fetch(`${E2E_SIM_URL}/_sim/enrolment/res-alice-martin.jpg`)).arrayBuffer())

  const liar = await emitEntryWithImage('res-chen-wei', Buffer.from(PAGE), 'image/jpeg')
  const polyglot = await emitEntryWithImage('res-dara-okafor', createHtmlJpegPolyglot(portrait, PAGE), 'text/html')

  // The image that is also a page is kept (it is a valid JPEG) and shown as a thumbnail.
  const polyglotItem = page.getByTestId('feed-item').filter({ hasText: polyglot.name }).first()
  const thumb = polyglotItem.getByTestId('snapshot-thumb')
  await expect(thumb).toBeVisible()
  const href = await polyglotItem.getByRole('link').first().getAttribute('href')
  expect(href).toMatch(/^\/api\/snapshots\/[^/?]+$/)

  // Pure HTML sent as image/jpeg gets no snapshot: the guard sees the placeholder, never a link to it.
  const liarItem = page.getByTestId('feed-item').filter({ hasText: liar.name }).first()
  await expect(liarItem).toBeVisible()
  await expect(liarItem.getByLabel('No snapshot yet')).toBeVisible()
  await expect(liarItem.getByTestId('snapshot-thumb')).toHaveCount(0)

  // A guard opens the full-size image directly: it is answered and rendered as an image, and its script never runs.
  const messages: string[] = []
  page.on('console', (message) => messages.push(message.text()))
  for (const url of [href!, `${href}?size=thumb`]) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(200)
    const headers = response!.headers()
    expect(headers['content-type'], url).toBe('image/jpeg')
    expect(headers['x-content-type-options'], url).toBe('nosniff')
    expect(headers['content-security-policy'], url).toContain('sandbox')
    expect(await page.locator('img').count(), url).toBe(1)
    expect(await page.locator('script').count(), url).toBe(0)
    expect(await page.title(), url).not.toContain(MARKER)
  }
  expect(messages.filter((m) => m.includes(MARKER))).toEqual([])
})
