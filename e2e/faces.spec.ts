// Enrolling faces, cards and PINs from a resident's page, in Chromium with a fake camera fed a face clip
// (lib/faces/fixtures/webcam-face.mjpeg): an admin enrols from the real photo file and from the camera (cropping
// with the keyboard), a photo without a face is refused with the server's reason, and a guard sees the cards
// masked and the PIN only as "set", with nothing to change.
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LoginPage } from './pages/login-page'

const FIXTURES = path.resolve(__dirname, '../lib/faces/fixtures')

test.use({
  // This file only: Chromium's fake camera plays the face clip, and the camera permission is granted.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${path.join(FIXTURES, 'webcam-face.mjpeg')}`,
    ],
  },
  permissions: ['camera'],
})

// The browser's first check loads face-api and the models: allow for a slow, shared machine.
test.setTimeout(180_000)
const CHECK_TIMEOUT = 90_000

async function openEnrolment(page: Page, residentId: string) {
  await page.goto(`/residents/${residentId}`)
  const faces = page.getByRole('region', { name: 'Faces' })
  await faces.getByRole('button', { name: 'Enrol a face' }).click()
  return faces
}

test('an admin enrols a face from a photo file and sees it on the resident page', async ({
  page,
  signInAs,
  seeder,
}) => {
  const { residentId } = await seeder.send({ type: 'createResident', name: 'Eileen File' })
  await signInAs('admin')
  const faces = await openEnrolment(page, residentId!)
  await faces.getByLabel('Photo file').setInputFiles(path.join(FIXTURES, 'one-face.jpg'))
  await expect(faces.getByTestId('crop-box')).toBeVisible()
  await faces.getByRole('button', { name: 'Check photo' }).click()
  await expect(faces.getByTestId('local-check-ok')).toBeVisible({ timeout: CHECK_TIMEOUT })
  await faces.getByRole('button', { name: 'Upload', exact: true }).click()

  const enrolled = faces.getByTestId('face-credential')
  await expect(enrolled).toHaveCount(1, { timeout: 60_000 })
  await expect(enrolled).toContainText('face')
  const thumb = enrolled.getByTestId('snapshot-thumb')
  await expect(thumb).toBeVisible()
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await page.reload()
  await expect(page.getByTestId('face-credential')).toHaveCount(1)
})

test('a photo without a face is refused, with the reason, by the browser and by the server', async ({
  page,
  signInAs,
  seeder,
}) => {
  const { residentId } = await seeder.send({ type: 'createResident', name: 'Cup Of Coffee' })
  await signInAs('admin')
  const faces = await openEnrolment(page, residentId!)
  await faces.getByLabel('Photo file').setInputFiles(path.join(FIXTURES, 'no-face.jpg'))
  await faces.getByRole('button', { name: 'Check photo' }).click()
  const local = faces.getByTestId('local-reasons')
  await expect(local).toBeVisible({ timeout: CHECK_TIMEOUT })
  await expect(local.locator('[data-reason="no_face"]')).toBeVisible()
  await faces.getByRole('button', { name: 'Upload anyway' }).click()
  const server = faces.getByTestId('server-reasons')
  await expect(server).toBeVisible({ timeout: 60_000 })
  await expect(server.locator('[data-reason="no_face"]')).toContainText('No face was found')
  await expect(faces.getByTestId('face-credential')).toHaveCount(0)
})

test('an admin takes the photo with the camera, moves the crop with the keyboard, and enrols it', async ({
  page,
  signInAs,
  seeder,
}) => {
  const { residentId } = await seeder.send({ type: 'createResident', name: 'Eileen Camera' })
  await signInAs('admin')
  const faces = await openEnrolment(page, residentId!)
  await faces.getByRole('button', { name: 'Use the camera' }).click()
  const take = faces.getByRole('button', { name: 'Take photo' })
  await expect(take).toBeEnabled({ timeout: 30_000 })
  await take.click()

  const crop = faces.getByTestId('crop-box')
  await expect(crop).toBeVisible()
  const before = await crop.getAttribute('aria-description')
  await crop.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(crop).not.toHaveAttribute('aria-description', before ?? '')
  await page.keyboard.press('-')
  await expect(crop).toHaveAttribute('aria-description', /^4[0-7]\d px square/)
  await page.keyboard.press('+')
  await expect(crop).toHaveAttribute('aria-description', /^480 px square/)

  await faces.getByRole('button', { name: 'Check photo' }).click()
  await expect(faces.getByTestId('local-check-ok')).toBeVisible({ timeout: CHECK_TIMEOUT })
  await faces.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(faces.getByTestId('face-credential')).toHaveCount(1, { timeout: 60_000 })
})

test('a guard sees the cards masked and the PIN only as set, and can change nothing', async ({
  browser,
  page,
  signInAs,
  seedUser,
  seeder,
}) => {
  const { residentId } = await seeder.send({ type: 'createResident', name: 'Carla Card' })
  const pin = '604183'
  await signInAs('admin')
  await page.goto(`/residents/${residentId}`)
  const cards = page.getByRole('region', { name: 'Cards' })
  await cards.getByLabel('Card number').fill('0a:1b:2c:3d:55')
  await cards.getByRole('button', { name: 'Add card' }).click()
  await expect(cards.getByTestId('card-credential')).toContainText('0A1B2C3D55')
  const pins = page.getByRole('region', { name: 'PIN' })
  await pins.getByLabel('New PIN').fill('123456')
  await pins.getByRole('button', { name: 'Set PIN' }).click()
  await expect(pins.getByRole('alert')).toContainText('in a row')
  await expect(pins.getByLabel('New PIN')).toHaveValue('')
  await pins.getByLabel('New PIN').fill(pin)
  await pins.getByRole('button', { name: 'Set PIN' }).click()
  await expect(pins.getByTestId('pin-credential')).toContainText('PIN set on')
  await expect(page.locator('body')).not.toContainText(pin)

  const guard = await seedUser('guard')
  const guardContext = await browser.newContext()
  try {
    const guardPage = await guardContext.newPage()
    const guardLogin = new LoginPage(guardPage)
    await guardLogin.goto()
    await guardLogin.signIn(guard.email, guard.password)
    await expect(guardPage.getByTestId('user-name')).toHaveText(guard.name)
    const answer = guardPage.waitForResponse((r) => r.url().includes(`/residents/${residentId}/credentials`))
    await guardPage.goto(`/residents/${residentId}`)
    const body = await (await answer).text()
    expect(body).not.toContain('0A1B2C3D55')
    expect(body).not.toContain(pin)

    await expect(guardPage.getByTestId('card-credential')).toContainText('•••• 3D55')
    await expect(guardPage.getByTestId('pin-credential')).toContainText('PIN set on')
    await expect(guardPage.locator('body')).not.toContainText('0A1B2C3D55')
    await expect(guardPage.getByRole('button', { name: 'Remove' })).toHaveCount(0)
    await expect(guardPage.getByRole('button', { name: 'Enrol a face' })).toHaveCount(0)
    await expect(guardPage.getByRole('button', { name: 'Add card' })).toHaveCount(0)
    await expect(guardPage.getByRole('button', { name: 'Set PIN' })).toHaveCount(0)
  } finally {
    await guardContext.close()
  }
})
