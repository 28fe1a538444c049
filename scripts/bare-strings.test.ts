// `npm test` fails when a component or page shows text that does not come from the message catalogues. Every
// screen has been moved; there is no list of exceptions.
import { describe, expect, it } from 'vitest'
import { componentFiles, findBareStrings } from '@/scripts/bare-strings'

describe('bare user-visible strings', () => {
  it.each(componentFiles())('%s takes every visible text from the catalogues', (file) => {
    expect(findBareStrings(file)).toEqual([])
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
