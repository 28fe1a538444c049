// Every language holds exactly English's keys, with the same placeholders, and every message is valid ICU.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES_DIR, availableLocales, localeNames } from '@/lib/i18n/catalogue'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(name, value)
    else for (const [k, v] of flatten(value, name)) out.set(k, v)
  }
  return out
}

/** Argument names used by an ICU message: `{name}`, `{count, plural, …}`, `{when, date, …}`. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,|\})/g)].map((m) => m[1]))].sort()
}

const read = (file: string): Tree => JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8'))
const english = flatten(read('en.json'))
const files = readdirSync(MESSAGES_DIR).filter((f) => f.endsWith('.json'))

describe('message catalogues', () => {
  it('ship English and Simplified Chinese, each with its own name', () => {
    expect(availableLocales()).toEqual(expect.arrayContaining(['en', 'zh-CN']))
    expect(localeNames()).toMatchObject({ en: 'English', 'zh-CN': '简体中文' })
  })

  it.each(files)('%s has exactly the English keys, none empty', (file) => {
    const messages = flatten(read(file))
    expect(
      [...messages.keys()].filter((k) => !english.has(k)),
      'keys English does not have',
    ).toEqual([])
    expect(
      [...english.keys()].filter((k) => !messages.has(k)),
      'missing keys',
    ).toEqual([])
    expect(
      [...messages].filter(([, v]) => v.trim() === '').map(([k]) => k),
      'empty messages',
    ).toEqual([])
  })

  it.each(files)('%s uses the same placeholders as English', (file) => {
    const messages = flatten(read(file))
    const mismatched = [...english].filter(([key, value]) => {
      const other = messages.get(key)
      return other !== undefined && argumentsOf(other).join() !== argumentsOf(value).join()
    })
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it.each(files)('%s parses as ICU MessageFormat', (file) => {
    const locale = file.replace(/\.json$/, '')
    const tree = read(file)
    const errors: string[] = []
    const t = createTranslator({
      locale,
      messages: tree,
      timeZone: 'UTC',
      onError: (error) => void errors.push(error.message),
      getMessageFallback: ({ key }) => key,
    })
    for (const [key, value] of flatten(tree)) {
      const args = Object.fromEntries(argumentsOf(value).map((a) => [a, a === 'count' ? 2 : a]))
      t(key as never, args as never)
    }
    expect(errors).toEqual([])
  })
})
