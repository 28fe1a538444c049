// Runs a child process in the foreground of this one: SIGTERM and SIGINT sent to this process are passed on to
// the child, and this process ends only when the child has, with its exit code. `npm start` relies on it: a
// supervisor (systemd, Docker, Playwright) signals the process it started, and the server must get that signal
// to drain its in-flight batches rather than be left running as an orphan.
import { spawn } from 'node:child_process'
import { constants } from 'node:os'

export const FORWARDED_SIGNALS = ['SIGTERM', 'SIGINT']

/** Resolves with the child's exit code (128 + the signal number when a signal ended it, as shells report). */
export function runForwardingSignals(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    const forwarders = FORWARDED_SIGNALS.map((signal) => [
      signal,
      () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      },
    ])
    for (const [signal, forward] of forwarders) process.on(signal, forward)
    const stopForwarding = () => {
      for (const [signal, forward] of forwarders) process.off(signal, forward)
    }
    child.once('error', (error) => {
      stopForwarding()
      reject(error)
    })
    child.once('exit', (code, signal) => {
      stopForwarding()
      resolve(code ?? 128 + (constants.signals[signal] ?? 0))
    })
  })
}
