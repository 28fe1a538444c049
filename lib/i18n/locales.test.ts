import { describe, expect, it } from 'vitest'
import { DEFAULT_LOCALE, negotiateLocale } from '@/lib/i18n/locales'

const LOCALES = ['en', 'zh-CN']

describe('negotiateLocale', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,zh-CN;q=0.5', 'zh-CN'],
    ['en;q=0.2,zh-CN;q=0.8', 'zh-CN'],
    ['de-DE', DEFAULT_LOCALE],
    ['', DEFAULT_LOCALE],
    ['*', DEFAULT_LOCALE],
    ['zh-CN;q=0', DEFAULT_LOCALE],
    ['zh-CN;q=abc,en', 'en'],
    ['<script>,zh-CN', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header, LOCALES)).toBe(locale)
  })

  it('ignores a huge header past its first 512 characters', () => {
    expect(negotiateLocale(`${'x-'.repeat(400)},zh-CN`, LOCALES)).toBe(DEFAULT_LOCALE)
  })
})
