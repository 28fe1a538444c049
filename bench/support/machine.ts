// What the figures were measured on: they only mean something next to the machine that produced them.
import os from 'node:os'

export function machineInfo(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model.trim() ?? 'unknown CPU'
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1)
  return [
    `machine: ${cpus.length} cores (${model}), ${memory} GiB RAM, ${os.platform()} ${os.release()}`,
    `node ${process.version}, started ${new Date().toISOString()}`,
    loadNote(),
  ].join('\n')
}

/** Other work on the box skews every figure; print the load beside them. */
export function loadNote(): string {
  const [one, five] = os.loadavg()
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${os.cpus().length} cores`
}
