import type { Locator, Page, Response } from '@playwright/test'

export const WRONG_CREDENTIALS = 'Wrong email or password.'
export const THROTTLED = /^Too many failed sign-ins/

/** The sign-in form at /login, found by its fields rather than their labels so it works in every language. */
export class LoginPage {
  readonly email: Locator
  readonly password: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.email = page.locator('form input[name="email"]')
    this.password = page.locator('form input[name="password"]')
    this.submit = page.locator('form button[type="submit"]')
  }

  async goto(): Promise<void> {
    await this.page.goto('/login')
    await this.submit.waitFor()
  }

  /** Submits the form and waits for the credentials callback to answer (success or failure). */
  async signIn(email: string, password: string): Promise<Response> {
    await this.email.fill(email)
    await this.password.fill(password)
    const [response] = await Promise.all([
      this.page.waitForResponse(
        (r) => r.url().includes('/api/auth/callback/credentials') && r.request().method() === 'POST',
      ),
      this.submit.click(),
    ])
    return response
  }

  /** The form's error message (next's route announcer is also role=alert, so match on the text). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text })
  }
}
