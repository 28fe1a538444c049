// Offboarding takes effect at once: an admin disables a guard (with a confirmation step) while the guard's console
// is open; the guard's live connection drops within seconds, their next request is refused and a reload lands on
// the sign-in page. Re-roling is confirmed the same way.
import { expect, test } from './fixtures'
import { LoginPage } from './pages/login-page'
import en from '@/messages/en.json'

test('an admin disables a signed-in guard: their console goes offline and they are signed out', async ({
  browser,
  page,
  signInAs,
  seedUser,
}) => {
  const guard = await seedUser('guard')
  const guardContext = await browser.newContext()
  try {
    const guardPage = await guardContext.newPage()
    const guardLogin = new LoginPage(guardPage)
    await guardLogin.goto()
    await guardLogin.signIn(guard.email, guard.password)
    await expect(guardPage.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')

    await signInAs('admin')
    await page.goto('/users')
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: guard.email })
    await row.getByRole('button', { name: 'Disable' }).click()
    await expect(row.getByRole('group', { name: /^Disable .*\?/ })).toBeVisible()
    await row.getByRole('button', { name: 'Confirm' }).click()
    await expect(row).toContainText('Disabled')

    await expect(guardPage.getByTestId('stream-status')).toHaveAttribute('data-status', 'offline', { timeout: 5_000 })
    expect((await guardPage.request.get('/api/me')).status()).toBe(401)
    await guardPage.reload()
    await expect(guardPage).toHaveURL(/\/login(\?|$)/)
  } finally {
    await guardContext.close()
  }
})

test('changing an operator’s role asks for confirmation and shows the new role', async ({
  page,
  signInAs,
  seedUser,
}) => {
  const manager = await seedUser('manager')
  await signInAs('admin')
  await page.goto('/users')
  const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: manager.email })
  await row.getByLabel(`Role of ${manager.email}`).selectOption('guard')
  await row.getByRole('button', { name: 'Change role' }).click()
  await row.getByRole('button', { name: 'Confirm' }).click()
  await expect(row.getByLabel(`Role of ${manager.email}`)).toHaveValue('guard')
  await expect(row.getByRole('button', { name: 'Change role' })).toHaveCount(0)
  await expect(row).toContainText(en.roles.guard)
})
