// The logging surface lib/tuya needs; the app passes its own logger (pino-style or console).
export type TuyaLogger = {
  debug(message: string, meta?: Record<string, unknown>): void
  info(message: string, meta?: Record<string, unknown>): void
  warn(message: string, meta?: Record<string, unknown>): void
  error(message: string, meta?: Record<string, unknown>): void
}

const noop = () => {}

export const silentLogger: TuyaLogger = { debug: noop, info: noop, warn: noop, error: noop }
