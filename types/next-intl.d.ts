// Message keys are checked by the compiler: `t('nav.console')` must exist in messages/en.json (the reference
// catalogue; lib/i18n/catalogue.test.ts makes every other language hold the same keys).
import type en from '@/messages/en.json'

declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof en
  }
}
