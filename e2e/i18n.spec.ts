// Languages in a real browser: Accept-Language picks the sign-in page's language, the console follows, and a
// choice made in the language menu is saved on the operator, so it follows them to another browser.
import type { Page } from '@playwright/test'
import en from '@/messages/en.json'
import zh from '@/messages/zh-CN.json'
import { expect, test, type SeededUser } from './fixtures'
import { DEMO, triggerDevice } from './support/simulator-control'

async function signInInChinese(page: Page, user: SeededUser) {
  await page.goto('/login')
  await page.getByLabel(zh.auth.email).fill(user.email)
  await page.getByLabel(zh.auth.password).fill(user.password)
  await page.getByRole('button', { name: zh.auth.submit }).click()
  await expect(page.getByTestId('user-role')).toHaveText(zh.roles[user.role])
}

test.describe('a browser that asks for Chinese', () => {
  test.use({ locale: 'zh-CN' })

  test('gets the Chinese console from the sign-in page on', async ({ page, seedUser }) => {
    const user = await seedUser('guard')
    await page.goto('/login')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByRole('heading', { name: zh.app.name })).toBeVisible()
    await page.getByLabel(zh.auth.email).fill(user.email)
    await page.getByLabel(zh.auth.password).fill(user.password)
    await page.getByRole('button', { name: zh.auth.submit }).click()
    await expect(page.getByTestId('user-role')).toHaveText(zh.roles.guard)
    const nav = page.getByRole('navigation', { name: zh.nav.main })
    await expect(nav.getByRole('link', { name: zh.nav.console })).toBeVisible()
    await expect(page.getByRole('link', { name: zh.nav.skipToContent })).toBeAttached()
  })

  test('a wrong password is explained in Chinese', async ({ page, seedUser }) => {
    const user = await seedUser('guard')
    await page.goto('/login')
    await page.getByLabel(zh.auth.email).fill(user.email)
    await page.getByLabel(zh.auth.password).fill('not-the-password')
    await page.getByRole('button', { name: zh.auth.submit }).click()
    await expect(page.getByRole('alert').filter({ hasText: zh.auth.wrongCredentials })).toBeVisible()
  })

  test('switches to English in the menu, and the choice follows the operator to another browser', async ({
    page,
    browser,
    seedUser,
  }) => {
    const user = await seedUser('admin')
    await page.goto('/login')
    await page.getByLabel(zh.auth.email).fill(user.email)
    await page.getByLabel(zh.auth.password).fill(user.password)
    await page.getByRole('button', { name: zh.auth.submit }).click()
    await expect(page.getByTestId('user-role')).toHaveText(zh.roles.admin)

    await page.getByTestId('language-select').selectOption('en')
    await expect(page.getByTestId('user-role')).toHaveText(en.roles.admin)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    // Another browser, still asking for Chinese: the operator's saved choice wins once they sign in.
    const other = await browser.newContext({ locale: 'zh-CN' })
    const second = await other.newPage()
    await second.goto('/login')
    await expect(second.getByRole('heading', { name: zh.app.name })).toBeVisible()
    await second.getByLabel(zh.auth.email).fill(user.email)
    await second.getByLabel(zh.auth.password).fill(user.password)
    await second.getByRole('button', { name: zh.auth.submit }).click()
    await expect(second.getByTestId('user-role')).toHaveText(en.roles.admin)
    await other.close()
  })
})

test.describe('the managers’ screens in Chinese', () => {
  test.use({ locale: 'zh-CN' })

  test('a manager reads the access log and the audit trail in Chinese', async ({ page, seedUser }) => {
    const manager = await seedUser('manager')
    await triggerDevice(DEMO.lobbyTerminal.id, 'card_unlock', DEMO.lobbyTerminal.persons[1].residentId)
    await signInInChinese(page, manager)

    await page.goto('/access')
    await expect(page).toHaveTitle(new RegExp(zh.accessLog.pageTitle))
    await expect(page.getByRole('heading', { level: 1, name: zh.accessLog.pageTitle })).toBeVisible()
    await expect(page.getByRole('group', { name: zh.accessLog.rangeGroup })).toContainText(zh.accessLog.ranges.today)
    const table = page.getByTestId('access-table')
    await expect(table.getByRole('columnheader', { name: zh.accessLog.columns.method, exact: true })).toBeVisible()
    await expect(table).toContainText(zh.accessMethods.card)
    await expect(table).toContainText(zh.accessView.entered)
    await expect(page.getByLabel(zh.accessLog.method)).toContainText(zh.accessMethods.face)

    await page.goto('/audit')
    await expect(page.getByRole('heading', { level: 1, name: zh.audit.pageTitle })).toBeVisible()
    const audit = page.getByTestId('audit-table')
    await expect(audit.getByRole('columnheader', { name: zh.audit.columns.action, exact: true })).toBeVisible()
    await expect(audit).toContainText(zh.auditActions.auth.sign_in)
    await expect(audit).toContainText('auth.sign_in')
  })

  test('a field the server refuses is explained beside it, in Chinese', async ({ page, seedUser }) => {
    const admin = await seedUser('admin')
    await signInInChinese(page, admin)
    await page.goto('/users')
    await page.getByLabel(zh.users.email, { exact: true }).fill('new-operator@example.com')
    await page.getByLabel(zh.users.password, { exact: true }).fill('short')
    await page.getByRole('button', { name: zh.users.add }).click()
    await expect(page.getByRole('alert').filter({ hasText: zh.validation.summary })).toBeVisible()
    const tooShort = zh.validation.reasons.too_short.replace('{min}', '10')
    await expect(page.getByLabel(zh.users.password, { exact: true })).toHaveAccessibleDescription(new RegExp(tooShort))
    await expect(page.getByLabel(zh.users.password, { exact: true })).toHaveAttribute('aria-invalid', 'true')
  })
})

test('signed out, the language menu switches the sign-in page', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByRole('heading', { name: en.app.name })).toBeVisible()
  await page.getByTestId('language-select').selectOption('zh-CN')
  await expect(page.getByRole('heading', { name: zh.app.name })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})
