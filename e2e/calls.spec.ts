// Door calls with two guards on two consoles (two browser contexts), against the simulator: the call dialog
// opens on both with the door station's live view playing, the first answer takes the call and stops the ring
// elsewhere, the door opens from the keyboard exactly once, and missed calls wait on the list until seen. A call
// from a resident the terminal recognised opens its capture large beside their enrolled photo.
import type { Browser, Locator, Page } from '@playwright/test'
import { expect, test, type SeededUser } from './fixtures'
import { LoginPage } from './pages/login-page'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { seedEnrolledPhoto } from './support/enrolled-photo'
import { DEMO, E2E_SIM_URL, triggerDevice } from './support/simulator-control'

async function secondConsole(browser: Browser, user: SeededUser): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn(user.email, user.password)
  await expect(page.getByTestId('user-name')).toHaveText(user.name)
  return page
}

async function consoleReady(page: Page) {
  await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
  await expect(page.getByRole('region', { name: 'Missed calls' })).toHaveAttribute('data-loaded', 'yes')
}

async function unlockCommands(deviceId: string): Promise<number> {
  const state = (await (await fetch(`${E2E_SIM_URL}/_sim/devices/${deviceId}`)).json()) as { unlockCommands: unknown[] }
  return state.unlockCommands.length
}

/** The video's playback position. */
const playhead = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime)

/** The live view plays: its playhead starts and keeps moving. */
async function expectPlaying(video: Locator) {
  await expect(video).toBeVisible()
  await expect.poll(() => playhead(video), { timeout: 20_000 }).toBeGreaterThan(0.5)
  const first = await playhead(video)
  await expect.poll(() => playhead(video), { timeout: 20_000 }).toBeGreaterThan(first + 0.5)
}

test.describe('door calls', () => {
  // Two consoles decoding video on a shared machine: generous, never timed assertions.
  test.setTimeout(180_000)

  test('two guards: the dialog opens on both with the live view, A answers, B hears it stop, A opens by keyboard', async ({
    browser,
    page,
    signInAs,
    seedUser,
  }) => {
    const guardA = await signInAs('guard')
    const pageB = await secondConsole(browser, await seedUser('guard'))
    await Promise.all([consoleReady(page), consoleReady(pageB)])
    const station = DEMO.doorStation
    const before = await unlockCommands(station.id)

    await triggerDevice(station.id, 'doorbell')
    const dialogA = page.getByRole('alertdialog', { name: `Door call: ${station.name}` })
    const dialogB = pageB.getByRole('alertdialog', { name: `Door call: ${station.name}` })
    await expect(dialogA).toBeVisible({ timeout: 1_000 })
    await expect(dialogB).toBeVisible({ timeout: 1_000 })
    // The call rings for 30 s: what needs it ringing comes first (B's live view plays), the rest once A has answered.
    await expect(dialogA).toHaveAttribute('data-ringing', 'yes')
    await expect(dialogB).toHaveAttribute('data-ringing', 'yes')
    await expect(dialogA.getByRole('button', { name: 'Answer' })).toBeFocused()
    await expectPlaying(dialogB.getByTestId('call-live-video'))

    await dialogA.getByRole('button', { name: 'Answer' }).click()
    await expect(dialogB.getByTestId('call-status')).toContainText(`Answered by ${guardA.name}`)
    await expect(dialogB).toHaveAttribute('data-ringing', 'no')
    await expect(pageB.getByTestId('ringing-call')).toHaveCount(0)
    await expect(dialogA.getByTestId('call-status')).toContainText('You answered')

    await expect(dialogA).toHaveAttribute('aria-modal', 'true')
    await expect(dialogA).toContainText(station.location)
    await expect(dialogA.getByRole('button', { name: 'Open door' })).toHaveAttribute('aria-keyshortcuts', 'O')
    // Focus stays in the dialog, whatever Tab does.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
    expect(await dialogA.evaluate((d) => d.contains(document.activeElement))).toBe(true)

    // The live view plays while the call lasts: the playhead moves.
    await expectPlaying(dialogA.getByTestId('call-live-video'))

    // O asks for confirmation (focused), Enter confirms: one unlock.
    await page.keyboard.press('o')
    const confirm = dialogA.getByRole('button', { name: 'Confirm' })
    await expect(confirm).toBeFocused()
    await page.keyboard.press('Enter')
    await expect.poll(() => unlockCommands(station.id)).toBe(before + 1)
    await expect(dialogA.getByTestId('call-status')).toContainText('Door opened')

    for (const console of [page, pageB]) {
      const newest = console.getByTestId('feed-item').first()
      await expect(newest).toContainText(station.name)
      await expect(newest).toContainText('Remote')
    }
    // Exactly one command, even a moment later.
    await page.waitForTimeout(500)
    expect(await unlockCommands(station.id)).toBe(before + 1)
    await pageB.context().close()
  })

  test('a call missed by everyone stays listed as missed on every console until a guard marks it seen', async ({
    browser,
    page,
    signInAs,
    seedUser,
  }) => {
    await signInAs('guard')
    const pageB = await secondConsole(browser, await seedUser('guard'))
    await Promise.all([consoleReady(page), consoleReady(pageB)])
    const listA = page.getByRole('region', { name: 'Missed calls' }).getByTestId('missed-call')
    const listB = pageB.getByRole('region', { name: 'Missed calls' }).getByTestId('missed-call')
    const countBefore = await listA.count()

    await triggerDevice(DEMO.doorStation.id, 'call_missed')
    await expect(listA).toHaveCount(countBefore + 1)
    await expect(listB).toHaveCount(countBefore + 1)
    await expect(listA.first()).toContainText(DEMO.doorStation.name)
    await expect(listA.first()).toContainText('Missed')

    // The dialog shows what became of the call for a few seconds, then leaves the console to the guard.
    await expect(page.getByRole('alertdialog')).toHaveCount(0, { timeout: 15_000 })
    await page.reload()
    await consoleReady(page)
    await expect(listA).toHaveCount(countBefore + 1)

    await listA.first().getByRole('button', { name: 'Mark seen' }).click()
    await expect(listA).toHaveCount(countBefore)
    await expect(listB).toHaveCount(countBefore)
    await pageB.context().close()
  })

  test('a call from a resident the terminal recognised opens its capture large beside their enrolled photo', async ({
    page,
    signInAs,
  }) => {
    const terminal = DEMO.lobbyTerminal
    const resident = DEMO.resident(terminal.persons[0].residentId)
    seedEnrolledPhoto(resident.id)
    await signInAs('guard')
    await consoleReady(page)

    await triggerDevice(terminal.id, 'doorbell', resident.id)
    const dialog = page.getByRole('alertdialog', { name: `Door call: ${terminal.name}` })
    await expect(dialog.getByTestId('call-caller')).toContainText(resident.name)
    await expect(dialog.getByTestId('call-enrolled-photo')).toHaveCount(0) // beside it only when opened large
    await dialog.getByRole('button', { name: 'Show the door picture large' }).click()
    const enrolled = dialog.getByTestId('call-enrolled')
    await expect(enrolled).toContainText(resident.name)
    for (const image of [dialog.getByTestId('call-snapshot'), enrolled.getByTestId('call-enrolled-photo')]) {
      await expect(image).toBeVisible()
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true)
    }
    await page.keyboard.press('d')
    await expect(dialog.getByTestId('call-status')).toContainText('Declined')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)

    // Nobody recognised: the capture opens large alone.
    await triggerDevice(terminal.id, 'doorbell')
    await expect(dialog.getByTestId('call-snapshot')).toBeVisible()
    await dialog.getByRole('button', { name: 'Show the door picture large' }).click()
    await expect(dialog.getByRole('button', { name: 'Show the door picture smaller' })).toBeVisible()
    await expect(dialog.getByTestId('call-caller')).toHaveCount(0)
    await expect(dialog.getByTestId('call-enrolled')).toHaveCount(0)
    await page.keyboard.press('d')
    await expect(dialog.getByTestId('call-status')).toContainText('Declined')
    await page.keyboard.press('Escape')
  })

  test('several calls queue in one dialog; locks have no live view and show a snapshot; D and Esc decline', async ({
    page,
    signInAs,
  }) => {
    await signInAs('guard')
    await consoleReady(page)
    const [gym, bikes] = DEMO_BUILDING.devices.filter((d) => d.kind === 'smart_lock')
    await triggerDevice(gym.id, 'doorbell')
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toHaveAccessibleName(`Door call: ${gym.name}`)
    await triggerDevice(bikes.id, 'doorbell')
    await expect(dialog.getByTestId('calls-waiting')).toHaveText('1 more waiting')
    // The oldest ringing call stays in front, with its snapshot and no live view (a lock has no camera stream).
    await expect(dialog).toHaveAccessibleName(`Door call: ${gym.name}`)
    await expect(dialog.getByTestId('call-snapshot-view')).toBeVisible()
    await expect(dialog.getByTestId('call-live-video')).toHaveCount(0)

    await dialog.getByRole('navigation', { name: 'Waiting calls' }).getByRole('button', { name: bikes.name }).click()
    await expect(dialog).toHaveAccessibleName(`Door call: ${bikes.name}`)

    // A mute lasts for that call only: the other one still rings.
    await dialog.getByRole('button', { name: 'Mute' }).click()
    await expect(dialog.getByRole('button', { name: 'Muted' })).toBeDisabled()
    await expect(dialog).toHaveAttribute('data-ringing', 'yes')

    await page.keyboard.press('d')
    await expect(dialog.getByTestId('call-status')).toContainText('Declined')
    await page.keyboard.press('Escape') // closes the declined call's outcome
    await expect(dialog).toHaveAccessibleName(`Door call: ${gym.name}`)
    await page.keyboard.press('Escape') // declines the other call
    await expect(dialog.getByTestId('call-status')).toContainText('Declined')
    await expect(dialog).toHaveAttribute('data-ringing', 'no')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })
})
