// `npm test` fails when a component shows text that does not come from the message catalogues. Screens written
// before the console spoke two languages are listed in PENDING until they are moved; the list may only shrink.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { componentFiles, findBareStrings } from '@/scripts/bare-strings'

/** Screens not yet moved to the catalogues. Remove a file from here when you translate it; never add one. */
const PENDING = new Set([
  'app/(console)/alarms/page.tsx',
  'app/(console)/console/page.tsx',
  'app/(console)/devices/page.tsx',
  'components/alarms/alarm-actions.tsx',
  'components/alarms/alarm-list.tsx',
  'components/console/console-view.tsx',
  'components/console/live-feed.tsx',
  'components/console/open-alarms.tsx',
  'components/devices/device-list.tsx',
  'components/devices/open-door-button.tsx',
  'components/devices/unrecognised-messages.tsx',
])

describe('bare user-visible strings', () => {
  it.each(componentFiles().filter((f) => !PENDING.has(f)))(
    '%s takes every visible text from the catalogues',
    (file) => {
      expect(findBareStrings(file)).toEqual([])
    },
  )

  it.each([...PENDING])('%s is still pending (else remove it from PENDING)', (file) => {
    expect(existsSync(file), `${file} no longer exists`).toBe(true)
    expect(findBareStrings(file).length).toBeGreaterThan(0)
  })
})

describe('the bare-string finder', () => {
  const find = (source: string) => findBareStrings('probe.tsx', source).map((b) => b.text)

  it('finds JSX text, text props, rendered literals and column headers', () => {
    expect(
      find(`export const A = () => (
        <div title="Hello" className="p-2 text-sm" data-testid="x">
          Open door {ok ? 'Active' : 'Disabled'} {n && \`\${n} waiting\`}
          <input placeholder={'Search'} aria-label={label} />
          <Table columns={[{ key: 'email', header: 'Email' }]} />
        </div>)`),
    ).toEqual(['Hello', 'Open door', 'Active', 'Disabled', 'waiting', 'Search', 'Email'])
  })

  it('finds Chinese text too, and leaves code, class names, ids and punctuation alone', () => {
    expect(find(`const B = () => <p>开门</p>`)).toEqual(['开门'])
    expect(
      find(`const C = () => <p className="a b" id="x" data-state={s ? 'on' : 'off'}>{t('k')} · — {n}%</p>`),
    ).toEqual([])
  })
})
