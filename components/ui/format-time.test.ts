import { createFormatter } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { relativeText } from '@/components/ui/format-time'

const NOW = Date.parse('2025-03-01T12:00:00Z')
const ago = (ms: number) => new Date(NOW - ms).toISOString()
const formatter = (locale: string) => createFormatter({ locale, timeZone: 'Asia/Shanghai' })

describe('relative times in the feed', () => {
  it.each([
    ['en', 2 * 60_000, '2 min. ago'],
    ['zh-CN', 2 * 60_000, '2分钟前'],
    ['en', 3 * 3_600_000, '3 hr. ago'],
    ['zh-CN', 3 * 3_600_000, '3小时前'],
  ])('%s: %i ms ago reads %s', (locale, ms, text) => {
    expect(relativeText(formatter(locale), ago(ms), NOW, 'just now')).toBe(text)
  })

  it('reads "just now" within a minute, a device clock slightly ahead included', () => {
    expect(relativeText(formatter('zh-CN'), ago(59_000), NOW, '刚刚')).toBe('刚刚')
    expect(relativeText(formatter('zh-CN'), ago(-20_000), NOW, '刚刚')).toBe('刚刚')
    expect(relativeText(formatter('en'), ago(61_000), NOW, 'just now')).toBe('1 min. ago')
  })

  it('shows a dash for a time it cannot read', () => {
    expect(relativeText(formatter('en'), 'not a time', NOW, 'just now')).toBe('—')
  })
})
