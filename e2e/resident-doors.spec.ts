// The register's promise, end to end in Chromium against the simulated cloud: a resident an admin adds, enrols by
// face from a real photo and grants the Block A lobby is pushed to that door (the page shows "In sync" without a
// reload, and the simulated terminal holds the person and the face); their face then opens the door and a guard's
// live feed names them. With the grant removed, the terminal no longer holds them and the same face is refused.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { expect, test } from './fixtures'
import { LoginPage } from './pages/login-page'
import { DEMO, E2E_SIM_URL } from './support/simulator-control'

const PHOTO = path.resolve(__dirname, '../lib/faces/fixtures/one-face.jpg')
const LOBBY = DEMO.lobbyTerminal

type SimPerson = { devices: { deviceId: string; person: unknown; faces: { faceId: string }[] }[] }
type Attempt = { outcome?: 'granted' | 'refused'; reason?: string }

async function personOnDevices(personId: string): Promise<SimPerson> {
  const response = await fetch(`${E2E_SIM_URL}/_sim/persons/${encodeURIComponent(personId)}`)
  return (await response.json()) as SimPerson
}

async function faceUnlock(personId: string): Promise<Attempt> {
  const response = await fetch(`${E2E_SIM_URL}/_sim/devices/${LOBBY.id}/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'face_unlock', personId }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Attempt
}

test('a resident added now opens the lobby by face; once the grant is removed the same face is refused', async ({
  page,
  browser,
  signInAs,
  seedUser,
}) => {
  test.setTimeout(300_000)
  const name = `Ines Door ${randomBytes(3).toString('hex')}`

  // A guard watches the live feed in another browser.
  const guard = await seedUser('guard')
  const guardContext = await browser.newContext()
  const guardPage = await guardContext.newPage()
  const guardLogin = new LoginPage(guardPage)
  await guardLogin.goto()
  await guardLogin.signIn(guard.email, guard.password)
  await expect(guardPage.getByTestId('user-name')).toHaveText(guard.name)

  // The admin creates the resident…
  await signInAs('admin')
  await page.goto('/residents')
  await page.getByRole('button', { name: 'New resident' }).click()
  const form = page.getByRole('form', { name: 'New resident' })
  await form.getByLabel('Name').fill(name)
  await form.getByRole('button', { name: 'Create resident' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const residentId = page.url().split('/residents/')[1]

  // …enrols their face from a real photo…
  const faces = page.getByRole('region', { name: 'Faces' })
  await faces.getByRole('button', { name: 'Enrol a face' }).click()
  await faces.getByLabel('Photo file').setInputFiles(PHOTO)
  await faces.getByRole('button', { name: 'Check photo' }).click()
  await expect(faces.getByTestId('local-check-ok')).toBeVisible({ timeout: 90_000 })
  await faces.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(faces.getByTestId('face-credential')).toHaveCount(1, { timeout: 60_000 })

  // …and grants the Block A lobby.
  const doors = page.getByRole('region', { name: 'Doors' })
  await doors.getByLabel(LOBBY.name).check()
  await doors.getByRole('button', { name: 'Save doors' }).click()

  // The sync panel reaches "In sync" live, without a reload.
  const sync = page.getByRole('region', { name: 'Sync to doors' })
  await expect(sync.getByRole('row').filter({ hasText: LOBBY.name })).toContainText('In sync', { timeout: 60_000 })

  // The simulated terminal holds the person and their face.
  const resident = (await (await page.request.get(`/api/residents/${residentId}`)).json()) as { externalId: string }
  const personId = resident.externalId
  const held = await personOnDevices(personId)
  const onLobby = held.devices.find((d) => d.deviceId === LOBBY.id)
  expect(onLobby?.person).toBeTruthy()
  expect(onLobby?.faces).toHaveLength(1)

  // Their face opens the door, and the guard's feed names them.
  expect(await faceUnlock(personId)).toMatchObject({ outcome: 'granted' })
  await expect(guardPage.getByTestId('feed-item').filter({ hasText: name }).first()).toBeVisible({ timeout: 15_000 })

  // The admin removes the grant: the terminal lets go of them, and the same face is refused.
  await doors.getByLabel(LOBBY.name).uncheck()
  await doors.getByRole('button', { name: 'Save doors' }).click()
  await expect
    .poll(async () => (await personOnDevices(personId)).devices.some((d) => d.deviceId === LOBBY.id), {
      timeout: 60_000,
    })
    .toBe(false)
  expect(await faceUnlock(personId)).toMatchObject({ outcome: 'refused', reason: 'not_enrolled' })
  await guardContext.close()
})
