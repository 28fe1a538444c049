// The message catalogues: one JSON file per language in messages/, named by its BCP 47 tag. English is the
// reference; every other file must hold exactly its keys (lib/i18n/catalogue.test.ts), so a missing translation
// fails `npm test`, not on a guard's screen. Server-only: the browser receives the messages of its page's language.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type en from '@/messages/en.json'

export type Messages = typeof en
export const MESSAGES_DIR = path.join(process.cwd(), 'messages')

let cached: Map<string, Messages> | undefined

function load(): Map<string, Messages> {
  if (cached) return cached
  const files = readdirSync(MESSAGES_DIR).filter((f) => f.endsWith('.json'))
  cached = new Map(
    files
      .sort((a, b) => (a === 'en.json' ? -1 : b === 'en.json' ? 1 : a.localeCompare(b)))
      .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8'))]),
  )
  return cached
}

/** Every language the console speaks, English first. */
export function availableLocales(): string[] {
  return [...load().keys()]
}

/** Each language's own name (its file's `meta.name`), for the language menu. */
export function localeNames(): Record<string, string> {
  return Object.fromEntries([...load()].map(([locale, messages]) => [locale, messages.meta.name]))
}

export function messagesFor(locale: string): Messages {
  const messages = load().get(locale) ?? load().get('en')
  if (!messages) throw new Error(`No message catalogue in ${MESSAGES_DIR}`)
  return messages
}
