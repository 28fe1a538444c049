// A guard who works in Chinese and only with the keyboard. The browser asks for zh-CN; the guard signs in, takes a
// door call (the dialog in Chinese, focus on 接听), answers it, opens the door, sees the remote unlock in the feed
// as "刚刚", then reaches a tamper alarm with Tab, acknowledges it with Space and resolves it with a note. No mouse
// after the sign-in page; at each step the focused element shows its focus ring, and the server's own record
// (its API) agrees with the screen.
import type { Locator, Page } from '@playwright/test'
import zh from '@/messages/zh-CN.json'
import { expect, test } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'

test.use({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } })

/** An ICU message with simple `{name}` arguments filled in. */
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`)

/** The focused element matches :focus-visible and draws it: an outline or a box-shadow ring. */
async function expectVisibleFocus(page: Page, target: Locator) {
  await expect(target).toBeFocused()
  const focus = await target.evaluate((el) => {
    const style = getComputedStyle(el)
    return {
      visible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      ring: style.boxShadow !== 'none',
    }
  })
  expect(focus.visible, 'the element matches :focus-visible').toBe(true)
  expect(focus.outline || focus.ring, 'the focus is drawn (outline or ring)').toBe(true)
}

/** Tab (forwards) until `target` has focus, as a keyboard user gets there; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`not reached with ${limit} presses of Tab`)
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path)
  expect(response.status(), path).toBe(200)
  return (await response.json()) as T
}

type Listed = { items: { id: string; state: string; deviceName: string | null; answeredBy?: string | null }[] }

test('a guard in Chinese takes a door call and acknowledges an alarm with the keyboard alone', async ({
  page,
  seedUser,
}) => {
  test.setTimeout(120_000)
  const guard = await seedUser('guard')
  const station = DEMO.doorStation
  const lock = DEMO.gymLock

  // Sign in by keyboard: the email field has focus, Tab to the password, Enter sends.
  await page.goto('/login')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByLabel(zh.auth.email)).toBeFocused()
  await page.keyboard.type(guard.email)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel(zh.auth.password)).toBeFocused()
  await page.keyboard.type(guard.password)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('user-name')).toHaveText(guard.name)

  // The console, in Chinese.
  await expect(page).toHaveURL(/\/console$/)
  await expect(page).toHaveTitle(new RegExp(`^${zh.consoleView.pageTitle}`))
  await expect(page.getByRole('heading', { level: 1, name: zh.consoleView.pageTitle })).toBeVisible()
  await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
  await expect(page.getByTestId('stream-status')).toHaveText(zh.stream.live)
  const feed = page.getByRole('region', { name: zh.liveFeed.region })
  await expect(feed).toHaveAttribute('data-loaded', 'yes')
  await expect(feed.getByRole('heading', { name: zh.liveFeed.title })).toBeVisible()
  await expect(feed.getByRole('button', { name: zh.liveFeed.pause })).toBeVisible()
  await expect(page.getByRole('region', { name: zh.calls.missed.title })).toHaveAttribute('data-loaded', 'yes')
  const alarms = page.getByRole('region', { name: zh.openAlarms.title })
  await expect(alarms.getByRole('link', { name: zh.openAlarms.all })).toBeVisible()

  // A visitor rings: the dialog opens in Chinese with focus on Answer.
  await triggerDevice(station.id, 'doorbell')
  const dialog = page.getByRole('alertdialog', { name: fill(zh.calls.dialog.title, { device: station.name }) })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('call-status')).toContainText(zh.calls.dialog.ringing)
  await expect(dialog.getByRole('button', { name: zh.calls.dialog.decline })).toBeVisible()
  const answer = dialog.getByRole('button', { name: zh.calls.dialog.answer })
  await expectVisibleFocus(page, answer)

  // Enter answers. Focus moves on to 开门 instead of falling to the page.
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('call-status')).toContainText(zh.calls.dialog.youAnswered)
  const openDoor = dialog.getByRole('button', { name: zh.calls.openDoor.open })
  await expectVisibleFocus(page, openDoor)
  // (The simulator's ids are Tuya's; the console's API lists its own, so the door is matched by name.)
  const answered = await apiJson<Listed>(page, '/api/calls?state=answered')
  expect(answered.items.filter((c) => c.answeredBy === guard.name && c.deviceName === station.name)).toHaveLength(1)

  // Open the door: Enter asks, the focused 确认 confirms.
  await page.keyboard.press('Enter')
  const confirm = dialog
    .getByRole('group', { name: fill(zh.calls.openDoor.group, { device: station.name }) })
    .getByRole('button', { name: zh.calls.openDoor.confirm })
  await expectVisibleFocus(page, confirm)
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('call-status')).toContainText(zh.calls.dialog.doorOpened)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('alertdialog')).toHaveCount(0)

  // The remote unlock is in the feed, in Chinese, "just now", with the absolute time at hand.
  const row = feed.getByTestId('feed-item').filter({ hasText: station.name }).first()
  await expect(row).toContainText(zh.accessMethods.remote)
  const when = row.getByTestId('relative-time')
  await expect(when).toHaveText(zh.time.justNow)
  expect(Date.parse((await when.getAttribute('datetime')) ?? '')).not.toBeNaN()
  await expect(when).toHaveAttribute('title', /\d{2}:\d{2}:\d{2}/)

  // A tamper alarm: announced at once (critical), in Chinese; the door unlock was not announced.
  await triggerDevice(lock.id, 'tamper')
  const alarm = alarms
    .getByTestId('alarm-item')
    .filter({ hasText: zh.alarmTypes.tamper })
    .filter({ hasText: lock.name })
  await expect(alarm).toHaveCount(1)
  const alarmId = (await alarm.getAttribute('data-alarm-id')) ?? ''
  try {
    await expect(alarm).toContainText(zh.alarmPriorities.critical)
    const said = fill(zh.announce.newAlarm, {
      priority: zh.alarmPriorities.critical,
      place: lock.name,
      type: zh.alarmTypes.tamper,
    })
    await expect(page.getByTestId('alarm-announcer-urgent')).toHaveText(said)
    await expect(page.getByTestId('alarm-announcer-polite')).toHaveText('')

    // Tab to 确认 (acknowledge), Space presses it; focus stays on the alarm's next action.
    const acknowledge = alarm.getByRole('button', { name: zh.alarmActions.acknowledge, exact: true })
    await tabTo(page, acknowledge)
    await expectVisibleFocus(page, acknowledge)
    await page.keyboard.press('Space')
    await expect(alarm).toHaveAttribute('data-state', 'acknowledged')
    await expect(alarm).toContainText(zh.alarmLine.acknowledged)
    await expectVisibleFocus(page, alarm.getByRole('button', { name: zh.alarmActions.assign, exact: true }))
    const acknowledged = await apiJson<Listed>(page, '/api/alarms?state=acknowledged')
    expect(acknowledged.items.map((a) => a.id)).toContain(alarmId)

    // Resolve it the same way (a critical alarm needs a note), leaving the door's alarms as the test found them.
    const resolve = alarm.getByRole('button', { name: zh.alarmActions.resolve, exact: true })
    await tabTo(page, resolve)
    await page.keyboard.press('Enter')
    const note = alarm.getByRole('textbox', { name: /处理说明/ })
    await expectVisibleFocus(page, note)
    await page.keyboard.type('已到现场检查，门锁完好')
    await page.keyboard.press('Tab')
    await expectVisibleFocus(page, alarm.getByRole('button', { name: zh.alarmActions.resolveAlarm }))
    await page.keyboard.press('Enter')
    await expect(alarm).toHaveCount(0)
    const resolved = await apiJson<Listed>(page, '/api/alarms?state=resolved')
    expect(resolved.items.map((a) => a.id)).toContain(alarmId)
  } finally {
    // Whatever failed above, leave no open alarm on this door for the next spec.
    const origin = new URL(page.url()).origin
    await page.request.post(`/api/alarms/${alarmId}/resolve`, { data: { note: 'e2e cleanup' }, headers: { origin } })
  }

  // Nothing on the console is left in English.
  await expect(page.locator('main')).not.toContainText(/Acknowledge|Door activity|Open alarms|Pause|Entered|Refused/)
})
