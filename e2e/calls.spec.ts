// Door calls with two guards on two consoles (two browser contexts), against the simulator: the call dialog
// opens on both with the door station's live view playing, the first answer takes the call and stops the ring
// elsewhere, the door opens from the keyboard exactly once, and missed calls wait on the list until seen.
import type { Browser, Locator, Page } from '@playwright/test'
import { expect, test, type SeededUser } from './fixtures'
import { LoginPage } from './pages/login-page'
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

/** The video's playback position, once it plays. */
const playhead = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime)

test.describe('door calls', () => {
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
    for (const dialog of [dialogA, dialogB]) {
      await expect(dialog).toHaveAttribute('aria-modal', 'true')
      await expect(dialog).toHaveAttribute('data-ringing', 'yes')
      await expect(dialog).toContainText(station.location)
      await expect(dialog.getByRole('button', { name: 'Answer' })).toHaveAttribute('aria-keyshortcuts', 'A')
      await expect(dialog.getByRole('button', { name: 'Decline' })).toHaveAttribute('aria-keyshortcuts', 'D Escape')
      await expect(dialog.getByRole('button', { name: 'Open door' })).toHaveAttribute('aria-keyshortcuts', 'O')
    }
    // Focus has moved into the dialog (onto Answer), and Tab keeps it there.
    await expect(dialogA.getByRole('button', { name: 'Answer' })).toBeFocused()
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
    expect(await dialogA.evaluate((d) => d.contains(document.activeElement))).toBe(true)

    // The live view plays on both consoles: the playhead moves.
    for (const dialog of [dialogA, dialogB]) {
      const video = dialog.getByTestId('call-live-video')
      await expect(video).toBeVisible()
      await expect.poll(() => playhead(video), { timeout: 15_000 }).toBeGreaterThan(0.5)
      const first = await playhead(video)
      await expect.poll(() => playhead(video), { timeout: 10_000 }).toBeGreaterThan(first + 0.5)
    }

    await dialogA.getByRole('button', { name: 'Answer' }).click()
    await expect(dialogA.getByTestId('call-status')).toContainText('You answered')
    await expect(dialogB.getByTestId('call-status')).toContainText(`Answered by ${guardA.name}`)
    await expect(dialogB).toHaveAttribute('data-ringing', 'no')
    await expect(pageB.getByTestId('ringing-call')).toHaveCount(0)

    // O asks for confirmation (focused), Enter confirms: one unlock.
    await page.keyboard.press('o')
    const confirm = dialogA.getByRole('button', { name: 'Confirm' })
    await expect(confirm).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(dialogA.getByRole('status')).toHaveText('Door opened')
    await expect.poll(() => unlockCommands(station.id)).toBe(before + 1)

    for (const console of [page, pageB]) {
      const newest = console.getByTestId('feed-item').first()
      await expect(newest).toContainText(station.name)
      await expect(newest).toContainText('Remote')
    }
    await expect(dialogA.getByTestId('call-status')).toContainText('Door opened')
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

  test('several calls queue in one dialog; a lock has no live view and shows its snapshot; D and Esc decline', async ({
    page,
    signInAs,
  }) => {
    await signInAs('guard')
    await consoleReady(page)
    await triggerDevice(DEMO.gymLock.id, 'doorbell')
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toHaveAccessibleName(`Door call: ${DEMO.gymLock.name}`)
    await triggerDevice(DEMO.doorStation.id, 'doorbell')
    await expect(dialog.getByTestId('calls-waiting')).toHaveText('1 more waiting')
    // The oldest ringing call stays in front: the lock, with its snapshot and no live view.
    await expect(dialog).toHaveAccessibleName(`Door call: ${DEMO.gymLock.name}`)
    await expect(dialog.getByTestId('call-snapshot-view')).toBeVisible()
    await expect(dialog.getByTestId('call-live-video')).toHaveCount(0)

    await dialog
      .getByRole('navigation', { name: 'Waiting calls' })
      .getByRole('button', { name: DEMO.doorStation.name })
      .click()
    await expect(dialog).toHaveAccessibleName(`Door call: ${DEMO.doorStation.name}`)
    await expect(dialog.getByTestId('call-live-video')).toBeVisible()

    // A mute lasts for that call only.
    await dialog.getByRole('button', { name: 'Mute' }).click()
    await expect(dialog.getByRole('button', { name: 'Muted' })).toBeDisabled()
    await expect(dialog).toHaveAttribute('data-ringing', 'yes') // the lock still rings

    await page.keyboard.press('d')
    await expect(dialog.getByTestId('call-status')).toContainText('Declined')
    await page.keyboard.press('Escape') // closes the declined call's outcome
    await expect(dialog).toHaveAccessibleName(`Door call: ${DEMO.gymLock.name}`)
    await page.keyboard.press('Escape') // declines the lock's call
    await expect(dialog.getByTestId('call-status')).toContainText('Declined')
    await expect(dialog).toHaveAttribute('data-ringing', 'no')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })
})
