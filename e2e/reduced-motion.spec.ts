// A ringing call draws the eye with a glow around the dialog, never by fading the dialog itself; an operator who
// asks the system for less motion gets a still dialog (WCAG 2.3.3, prefers-reduced-motion).
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'

/** Animations still running on the element (a finished one-shot does not count). */
const running = (element: Locator) =>
  element.evaluate((el) => el.getAnimations().filter((a) => a.playState === 'running').length)

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test(`a ringing call with reduced motion "${reducedMotion}"`, async ({ page, signInAs }) => {
    await page.emulateMedia({ reducedMotion })
    await signInAs('guard')
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
    // The gym lock's doorbell: other specs leave calls on the door station answered and ongoing, and a ring during
    // a call belongs to that call.
    await triggerDevice(DEMO.gymLock.id, 'doorbell')
    const dialog = page.getByRole('alertdialog', { name: `Door call: ${DEMO.gymLock.name}` })
    await expect(dialog).toHaveAttribute('data-state', 'ringing')
    // The dialog's own opacity never pulses: its content stays fully readable while it rings.
    expect(await dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1')
    if (reducedMotion === 'reduce') await expect.poll(() => running(dialog)).toBe(0)
    else expect(await running(dialog)).toBeGreaterThan(0)
    await page.keyboard.press('Escape') // declines, so the next test starts with a quiet door
  })
}
