// Languages in a real browser: Accept-Language picks the sign-in page's language, the console follows, and a
// choice made in the language menu is saved on the operator, so it follows them to another browser.
import en from '@/messages/en.json'
import zh from '@/messages/zh-CN.json'
import { expect, test } from './fixtures'

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

test('signed out, the language menu switches the sign-in page', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByRole('heading', { name: en.app.name })).toBeVisible()
  await page.getByTestId('language-select').selectOption('zh-CN')
  await expect(page.getByRole('heading', { name: zh.app.name })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})
