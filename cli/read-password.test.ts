// The CLI never needs a password on its command line: piped stdin gives the first line; a terminal prompt
// hides what is typed and asks twice.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readNewPassword } from './read-password'

function fakeTerminal(keys: string[]) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined })
  const output = new PassThrough()
  let written = ''
  output.on('data', (chunk) => (written += String(chunk)))
  setImmediate(function typeNext() {
    const key = keys.shift()
    if (key === undefined) return
    input.write(key)
    setTimeout(typeNext, 5)
  })
  return { input, output, written: () => written }
}

describe('reading a new password for user:create', () => {
  it('takes the first line of piped stdin', async () => {
    const input = new PassThrough()
    input.end('correct horse battery\nsecond line ignored\n')
    expect(await readNewPassword(input, new PassThrough())).toBe('correct horse battery')
  })

  it('prompts twice on a terminal without echoing, honouring backspace', async () => {
    const terminal = fakeTerminal(['long pass', 'x\u007f', 'phrase\r', 'long passphrase\r'])
    expect(await readNewPassword(terminal.input, terminal.output)).toBe('long passphrase')
    expect(terminal.written()).toContain('Password: ')
    expect(terminal.written()).toContain('Repeat password: ')
    expect(terminal.written()).not.toContain('long pass')
  })

  it('refuses two different answers', async () => {
    const terminal = fakeTerminal(['one passphrase\r', 'another one\r'])
    await expect(readNewPassword(terminal.input, terminal.output)).rejects.toThrow(/differ/)
  })
})
