// `user:create` without --password: a password on the command line lands in shell history and `ps`, so the CLI
// reads it from a prompt (hidden, asked twice) on a terminal, or from the first line of piped stdin in scripts.
import type { Readable, Writable } from 'node:stream'

type Input = Readable & { isTTY?: boolean; setRawMode?(mode: boolean): unknown }

/** First line of a non-interactive stdin (`echo "$PW" | npm run cli -- user:create …`). */
export async function readFirstLine(input: Readable): Promise<string> {
  let text = ''
  for await (const chunk of input) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0]
}

/** Asks once on a terminal without echoing what is typed. */
export function promptHidden(question: string, input: Input, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question)
    let answer = ''
    input.setRawMode?.(true)
    input.resume()
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(() => resolve(answer))
        if (char === '\u0003') return finish(() => reject(new Error('cancelled')))
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1)
        else answer += char
      }
    }
    const finish = (settle: () => void) => {
      input.off('data', onData)
      input.setRawMode?.(false)
      input.pause()
      output.write('\n')
      settle()
    }
    input.on('data', onData)
  })
}

export async function readNewPassword(input: Input, output: Writable): Promise<string> {
  if (!input.isTTY) return readFirstLine(input)
  const first = await promptHidden('Password: ', input, output)
  const again = await promptHidden('Repeat password: ', input, output)
  if (first !== again) throw new Error('the two passwords differ')
  return first
}
