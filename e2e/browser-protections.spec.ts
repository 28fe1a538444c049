// The browser protections of a console that opens doors, in a real browser: a CSP that lets Next, the theme
// script and socket.io work but no injected script; no framing; cookie writes only from the console's own
// pages; and a sign-in link that cannot send the guard to another site.
import type { Page } from '@playwright/test'
import { pagesFor } from '@/lib/auth/page-access'
import { expect, test } from './fixtures'
import { E2E_SIM_URL } from './support/simulator-control'

/** CSP violations the page reports (and its console errors), collected from the start of the page. */
async function watchViolations(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __violations: string[] }).__violations ??= []
      ;(window as unknown as { __violations: string[] }).__violations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  return violations
}

test('every page runs under the CSP with no violation: Next, the theme script and the live stream all work', async ({
  page,
  signInAs,
}) => {
  const violations = await watchViolations(page)
  const sockets: string[] = []
  page.on('websocket', (socket) => sockets.push(socket.url()))
  await page.goto('/login')
  await page.evaluate(() => localStorage.setItem('theme', 'light'))

  await signInAs('admin')
  await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
  for (const item of pagesFor('admin')) {
    const response = await page.goto(item.href)
    const headers = response!.headers()
    const csp = headers['content-security-policy']
    expect(csp, item.href).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(csp, item.href).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options'], item.href).toBe('nosniff')
    expect(headers['referrer-policy'], item.href).toBe('same-origin')
    // The nonce'd theme script ran before paint (the saved light theme is on).
    expect(await page.evaluate(() => document.documentElement.dataset.theme), item.href).toBe('light')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  }
  await expect(page.getByTestId('stream-status')).toHaveAttribute('data-status', 'live')
  // socket.io upgraded to a WebSocket on the same origin, allowed by connect-src 'self'.
  expect(sockets.some((url) => url.includes('/socket.io/') && url.includes('transport=websocket'))).toBe(true)
  expect(violations).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([])
})

test('markup injected into a page cannot run script (no inline handlers, no inline script without the nonce)', async ({
  page,
  signInAs,
}) => {
  await signInAs('guard')
  const blocked = await page.evaluate(async () => {
    const hits: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => hits.push(e.violatedDirective))
    document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="window.__xss = 1">')
    // A frame made from markup inherits the page's CSP: its inline script has no nonce.
    document.body.insertAdjacentHTML('beforeend', '<iframe srcdoc="<script>parent.__xss2 = 1</script>"></iframe>')
    const frame = document.body.lastElementChild as HTMLIFrameElement
    await new Promise((resolve) => frame.addEventListener('load', resolve))
    await new Promise((resolve) => setTimeout(resolve, 300))
    const w = window as unknown as { __xss?: number; __xss2?: number }
    return { xss: w.__xss, xss2: w.__xss2, hits }
  })
  expect(blocked.xss).toBeUndefined()
  expect(blocked.xss2).toBeUndefined()
  expect(blocked.hits).toContain('script-src-attr')
})

test('API answers and the webhook carry the protections too; pages cannot be framed', async ({ page, signInAs }) => {
  await signInAs('guard')
  for (const path of ['/api/me', '/api/health', '/api/devices']) {
    const headers = (await page.request.get(path)).headers()
    expect(headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
    expect(headers['x-content-type-options'], path).toBe('nosniff')
  }
  const webhook = await page.request.post('/api/webhooks/tuya', {
    data: '{}',
    headers: { 'content-type': 'application/json', sign: 'bad' },
  })
  expect(webhook.status()).toBe(401)
  expect(webhook.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
  expect(webhook.headers()['x-frame-options']).toBe('DENY')
})

test('a cookie write from another origin gets 403, a form-encoded one 415; the console’s own calls work', async ({
  page,
  signInAs,
  baseURL,
}) => {
  await signInAs('admin')
  // The browser's cookies, sent the way a hostile page's form or fetch would send them.
  const crossSite = await page.request.post('/api/tokens', {
    headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
    data: JSON.stringify({ name: 'planted' }),
  })
  expect(crossSite.status()).toBe(403)
  expect(await crossSite.json()).toMatchObject({ error: { code: 'cross_origin' } })
  const noOrigin = await page.request.delete('/api/tokens/any', { headers: { origin: '' } })
  expect(noOrigin.status()).toBe(403)
  const form = await page.request.post('/api/tokens', {
    headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'name=planted',
  })
  expect(form.status()).toBe(415)

  // The console's own page does the same through its UI: allowed.
  await page.goto('/users')
  await page.getByLabel('Token name').fill('own-page-token')
  await page.getByRole('button', { name: 'Create token' }).click()
  await expect(page.getByTestId('new-token')).toHaveText(/^tbc_/)
  const names = await page.getByTestId('tokens-table').textContent()
  expect(names).toContain('own-page-token')
  expect(names).not.toContain('planted')
})

for (const [what, callbackUrl] of [
  ['another host', `//127.0.0.1:${new URL(E2E_SIM_URL).port}/_sim/`],
  ['a backslash trick', `/\\127.0.0.1:${new URL(E2E_SIM_URL).port}/_sim/`],
  ['an absolute URL', `${E2E_SIM_URL}/_sim/`],
]) {
  test(`a sign-in link whose callbackUrl is ${what} lands on the console, not elsewhere`, async ({
    page,
    seedUser,
    loginPage,
    baseURL,
  }) => {
    const user = await seedUser('guard')
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)
    await loginPage.signIn(user.email, user.password)
    await expect(page.getByTestId('user-name')).toHaveText(user.name)
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin)
    await expect(page).toHaveURL(/\/console$/)
  })
}
