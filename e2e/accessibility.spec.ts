// WCAG 2.2 AA, checked by axe-core in Chromium: every page each role can open, in every language, in both themes,
// has no serious or critical violation. Pages are scanned once they have loaded their data (no "Loading…" left).
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { pagesFor } from '@/lib/auth/page-access'
import { ROLES } from '@/lib/domain/enums'
import { expect, test } from './fixtures'

const LANGUAGES = ['en', 'zh-CN'] as const
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function seriousViolations(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /Loading…|加载中…/ })).toHaveCount(0)
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }))
}

for (const locale of LANGUAGES) {
  test.describe(`accessibility in ${locale}`, () => {
    test.use({ locale })

    test('the sign-in page, dark and light', async ({ page }) => {
      await page.goto('/login')
      expect(await seriousViolations(page)).toEqual([])
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
      expect(await seriousViolations(page)).toEqual([])
    })

    for (const role of ROLES) {
      test(`every page a ${role} can open, dark and light`, async ({ page, signInAs }) => {
        test.slow()
        await signInAs(role)
        for (const theme of ['dark', 'light'] as const) {
          for (const { href } of pagesFor(role)) {
            await page.addInitScript((t) => localStorage.setItem('theme', t), theme)
            await page.goto(href)
            expect(await seriousViolations(page), `${href} (${theme})`).toEqual([])
          }
        }
      })
    }
  })
}
