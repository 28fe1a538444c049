// Recognises database failures that mean "retry later" (connection refused, file locked, pool exhausted),
// as opposed to bugs or constraint violations: those become 503 / no-ack so the sender redelivers.
const UNAVAILABLE_PATTERNS = [
  /ECONNREFUSED/,
  /ECONNRESET/,
  /ETIMEDOUT/,
  /Connection terminated/i,
  /database is locked/i,
  /SQLITE_BUSY/,
  /SQLITE_IOERR/,
  /SQLITE_FULL/,
  /SQLITE_READONLY/,
  /SQLITE_CANTOPEN/,
  /readonly database/i,
  /unable to open database/i,
  /Can't reach database/i,
  /ConnectionClosed/,
  /terminating connection/i,
  /the database system is (starting|shutting) up/i,
  /timeout exceeded when trying to connect/i,
  /too many clients/i,
]

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const e = current as { message?: unknown; code?: unknown; cause?: unknown; name?: unknown }
    const text = `${String(e.name ?? '')} ${String(e.code ?? '')} ${String(e.message ?? '')}`
    if (UNAVAILABLE_PATTERNS.some((p) => p.test(text))) return true
    if (e.name === 'PrismaClientInitializationError') return true
    current = e.cause
  }
  return false
}

/** Unique-constraint violation (P2002) across both adapters. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  return !!e && (e.code === 'P2002' || /Unique constraint failed|duplicate key value/i.test(String(e.message ?? '')))
}
