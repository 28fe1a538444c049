// The foundation's sign-in story in a real browser: each role sees its own navigation and home, other pages
// answer 403, signed-out visits go to the sign-in page, sign-out works, API tokens work once created and stop
// when revoked, and repeated wrong passwords slow that account down from that address only. The fixtures empty
// the throttle table before every test, because all e2e traffic comes from 127.0.0.1 (the e2e server trusts
// that address as a proxy, so a test can stand at another address with X-Forwarded-For).
import type { Role } from '@/lib/domain/enums'
import { homeFor, pagesFor } from '@/lib/auth/page-access'
import { FREE_ATTEMPTS_PER_ACCOUNT } from '@/lib/auth/login-throttle'
import en from '@/messages/en.json'
import { expect, test } from './fixtures'
import { ConsoleShell } from './pages/console-shell'
import { LoginPage, THROTTLED, WRONG_CREDENTIALS } from './pages/login-page'

const NAVIGATION: Record<Role, string[]> = {
  guard: ['Console', 'Access log', 'Alarms', 'Residents', 'Devices'],
  manager: ['Access log', 'Reports', 'Alarms', 'Residents', 'Audit', 'Settings'],
  admin: ['Console', 'Access log', 'Reports', 'Alarms', 'Residents', 'Devices', 'Users & tokens', 'Audit', 'Settings'],
}
const HOME: Record<Role, string> = { guard: '/console', manager: '/access', admin: '/console' }

test.describe('signing in', () => {
  for (const role of ['guard', 'manager', 'admin'] as const) {
    test(`${role === 'admin' ? 'an' : 'a'} ${role} signs in, lands on ${HOME[role]} and sees exactly their navigation`, async ({
      page,
      signInAs,
    }) => {
      // The spec above and the page-access table agree.
      expect(pagesFor(role).map((p) => en.nav[p.key])).toEqual(NAVIGATION[role])
      expect(homeFor(role)).toBe(HOME[role])

      const user = await signInAs(role)
      await expect(page).toHaveURL(HOME[role])
      const shell = new ConsoleShell(page)
      await expect(shell.navLinks).toHaveText(NAVIGATION[role])
      await expect(page.getByTestId('user-role')).toHaveText(en.roles[role])

      // Every page in the navigation opens (no 403) for this role.
      for (const item of pagesFor(role)) {
        const response = await page.goto(item.href)
        expect(response?.status(), item.href).toBe(200)
        await expect(page.getByTestId('forbidden')).toHaveCount(0)
        await expect(shell.navLinks.filter({ hasText: en.nav[item.key] })).toHaveAttribute('aria-current', 'page')
      }
      expect(user.role).toBe(role)
    })
  }

  test('a guard opening admin and manager pages gets the 403 page with HTTP 403', async ({ page, signInAs }) => {
    await signInAs('guard')
    for (const path of ['/users', '/audit']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(403)
      const forbidden = page.getByTestId('forbidden')
      await expect(forbidden).toBeVisible()
      await expect(forbidden).toContainText('403')
      await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible()
    }
    // The guard's API calls are refused too.
    expect((await page.request.get('/api/users')).status()).toBe(403)
  })

  test('a manager opening the console gets the 403 page', async ({ page, signInAs }) => {
    await signInAs('manager')
    const response = await page.goto('/console')
    expect(response?.status()).toBe(403)
    await expect(page.getByTestId('forbidden')).toContainText('403')
  })

  test('a signed-out visit to /console goes to the sign-in page', async ({ page, loginPage }) => {
    await page.goto('/console')
    await expect(page).toHaveURL(/\/login(\?|$)/)
    await expect(loginPage.submit).toBeVisible()
    expect((await page.request.get('/api/me')).status()).toBe(401)
  })

  test('signing out ends the session', async ({ page, signInAs, loginPage }) => {
    await signInAs('guard')
    expect((await page.request.get('/api/me')).status()).toBe(200)
    await new ConsoleShell(page).signOut.click()
    await expect(page).toHaveURL(/\/login(\?|$)/)
    await expect(loginPage.submit).toBeVisible()
    await page.goto('/console')
    await expect(page).toHaveURL(/\/login(\?|$)/)
    expect((await page.request.get('/api/me')).status()).toBe(401)
  })

  test('an admin creates an API token, sees it once, uses it, and revokes it', async ({
    page,
    signInAs,
    playwright,
    baseURL,
  }) => {
    const admin = await signInAs('admin')
    await page.goto('/users')
    const tokenName = `e2e-${Date.now().toString(36)}`
    await page.getByLabel('Token name').fill(tokenName)
    await page.getByRole('button', { name: 'Create token' }).click()
    const shown = page.getByTestId('new-token')
    await expect(shown).toHaveText(/^tbc_/)
    const token = (await shown.textContent())!.trim()
    const row = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: tokenName })
    await expect(row).toBeVisible()
    // The list shows only the prefix, never the whole token.
    await expect(page.getByTestId('tokens-table')).not.toContainText(token)

    // A separate client with no cookies: the token alone authenticates.
    const api = await playwright.request.newContext({ baseURL })
    try {
      const me = await api.get('/api/me', { headers: { authorization: `Bearer ${token}` } })
      expect(me.status()).toBe(200)
      expect(await me.json()).toMatchObject({ email: admin.email, role: 'admin', via: 'token' })

      await row.getByRole('button', { name: 'Revoke' }).click()
      // Revoking asks once more: integrations using the token stop at once.
      await expect(row.getByRole('group', { name: /^Revoke .*\?/ })).toBeVisible()
      await row.getByRole('button', { name: 'Revoke' }).click()
      await expect(row).toContainText('revoked')
      const after = await api.get('/api/me', { headers: { authorization: `Bearer ${token}` } })
      expect(after.status()).toBe(401)
      expect(await after.json()).toMatchObject({ error: { code: 'unauthorized' } })
    } finally {
      await api.dispose()
    }

    // Shown once: after a reload the token is gone from the page.
    await page.reload()
    await expect(page.getByTestId('tokens-table')).toBeVisible()
    await expect(page.getByTestId('new-token')).toHaveCount(0)
  })

  test('wrong passwords slow down one account from one address: the right one waits there, works elsewhere at once, then here', async ({
    page,
    browser,
    seedUser,
    loginPage,
  }) => {
    const user = await seedUser('guard')
    await loginPage.goto()
    for (let attempt = 1; attempt <= FREE_ATTEMPTS_PER_ACCOUNT; attempt++) {
      await loginPage.signIn(user.email, `wrong-password-${attempt}`)
      await expect(loginPage.alert(WRONG_CREDENTIALS), `attempt ${attempt}`).toBeVisible()
      await expect(page).toHaveURL(/\/login/)
    }
    // Right away, even the right password waits (from here), and says so without telling whether it was right.
    await loginPage.signIn(user.email, user.password)
    await expect(loginPage.alert(THROTTLED)).toBeVisible()
    await expect(loginPage.alert(WRONG_CREDENTIALS)).toHaveCount(0)
    expect((await page.request.get('/api/me')).status()).toBe(401)

    // The same operator at another address is not locked out by what happened here (an attacker's failures).
    const elsewhere = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.7' } })
    try {
      const otherPage = await elsewhere.newPage()
      const otherLogin = new LoginPage(otherPage)
      await otherLogin.goto()
      await otherLogin.signIn(user.email, user.password)
      await expect(otherPage.getByTestId('user-name')).toHaveText(user.name)
    } finally {
      await elsewhere.close()
    }

    // A delay, not a lockout: once the (first, short) wait is over, the right password works here too.
    await expect
      .poll(
        async () => {
          const answer = (await (await loginPage.signIn(user.email, user.password)).json()) as { url: string }
          return new URL(answer.url).searchParams.has('error') ? 'still waiting' : 'signed in'
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toBe('signed in')
    await expect(page.getByTestId('user-name')).toHaveText(user.name)
  })
})
