import type { Locator, Page } from '@playwright/test'

/** The signed-in frame: main navigation and the user menu. */
export class ConsoleShell {
  readonly navLinks: Locator
  readonly signOut: Locator

  constructor(readonly page: Page) {
    this.navLinks = page.getByRole('navigation', { name: 'Main' }).getByRole('link')
    this.signOut = page.getByRole('button', { name: 'Sign out' })
  }
}
