// Tuya OpenAPI errors. Tuya's code, msg and tid are kept verbatim, so an operator can quote them
// to Tuya. Code table and retry policy: docs/tuya-protocol.md §2.4, §5.2.

export type TuyaErrorKind =
  /** Drop the token, re-acquire once, replay (§2.3: SDKs key on 1010). */
  | 'token'
  /** Transient on Tuya's side or rate-limited: back off and retry idempotent calls. */
  | 'retryable'
  /** Credentials, signature, clock: fix configuration, retrying won't help. */
  | 'auth'
  /** Bad request parameters or unsupported operation. */
  | 'request'
  /** The device can't do it right now (offline, not found, …). */
  | 'device'
  /** Project subscription / API authorisation. */
  | 'permission'

export type TuyaErrorInfo = { msg: string; kind: TuyaErrorKind }

export const TUYA_ERROR_CODES: Readonly<Record<number, TuyaErrorInfo>> = {
  500: { msg: 'system error, please contact the admin', kind: 'retryable' },
  1000: { msg: 'data not exist', kind: 'request' },
  1001: { msg: 'secret invalid', kind: 'auth' },
  1002: { msg: 'access_token is null', kind: 'auth' },
  1003: { msg: 'grant type invalid', kind: 'auth' },
  1004: { msg: 'sign invalid', kind: 'auth' },
  1005: { msg: 'clientId invalid', kind: 'auth' },
  1006: { msg: 'not support content type', kind: 'request' },
  1007: { msg: 'not support key', kind: 'request' },
  1008: { msg: 'invalid access', kind: 'auth' },
  1010: { msg: 'token is expired', kind: 'token' },
  1011: { msg: 'token invalid', kind: 'token' },
  1012: { msg: 'token status is invalid', kind: 'token' },
  1013: { msg: 'request time is invalid', kind: 'auth' },
  1100: { msg: 'param is empty', kind: 'request' },
  1101: { msg: 'params range invalid', kind: 'request' },
  1102: { msg: 'param is null', kind: 'request' },
  1103: { msg: 'commands issue error', kind: 'device' },
  1104: { msg: 'type is incorrect', kind: 'request' },
  1105: { msg: 'missing the header', kind: 'auth' },
  1106: { msg: 'permission deny', kind: 'permission' },
  1107: { msg: 'code invalid', kind: 'request' },
  1108: { msg: 'uri path invalid', kind: 'request' },
  1109: { msg: 'param is illegal, please check it', kind: 'request' },
  1110: { msg: 'concurrent request over limit', kind: 'retryable' },
  1111: { msg: 'system is busy, please retry later', kind: 'retryable' },
  1112: { msg: 'the user is syncing in the background, please try again later', kind: 'retryable' },
  // Two texts in two lists; "do not repeat the operation in a short time" — don't auto-retry.
  1113: { msg: 'do not repeat the operation in a short time', kind: 'request' },
  1199: { msg: 'your requests are too frequent', kind: 'retryable' },
  1400: { msg: 'token invalid', kind: 'token' },
  2001: { msg: 'device is offline', kind: 'device' },
  2002: { msg: 'user has no devices', kind: 'request' },
  2003: { msg: 'function not support', kind: 'device' },
  2005: { msg: 'product not exist', kind: 'request' },
  2006: { msg: 'user not exist', kind: 'request' },
  2007: { msg: 'device token expired', kind: 'device' },
  2008: { msg: 'command or value not support', kind: 'device' },
  2009: { msg: 'not support this device', kind: 'device' },
  2010: { msg: 'device not exist', kind: 'device' },
  2017: { msg: 'schema does not exist', kind: 'request' },
  2018: { msg: 'data decrypt failed', kind: 'request' },
  2406: { msg: 'skill id invalid', kind: 'auth' },
  28841002: { msg: 'No permissions. Your subscription to cloud development plan has expired.', kind: 'permission' },
  28841101: { msg: 'No permissions. This API is not subscribed.', kind: 'permission' },
  28841105: { msg: 'No permissions. This project is not authorized to call this API', kind: 'permission' },
}

/** Codes that mean "this token is dead": invalidate, re-acquire once and replay. 1400 is the Cube alias. */
export function isTokenErrorCode(code: number): boolean {
  return TUYA_ERROR_CODES[code]?.kind === 'token'
}

/** Codes worth an automatic retry with backoff — for idempotent requests only. */
export function isRetryableErrorCode(code: number): boolean {
  return TUYA_ERROR_CODES[code]?.kind === 'retryable'
}

export type TuyaApiErrorInit = {
  code: number
  msg: string
  tid?: string
  httpStatus: number
  method: string
  path: string
}

/** Tuya answered `success:false` (or a non-2xx with an envelope). */
export class TuyaApiError extends Error {
  readonly code: number
  readonly msg: string
  readonly tid: string | undefined
  readonly httpStatus: number
  readonly method: string
  readonly path: string

  constructor(init: TuyaApiErrorInit) {
    super(`Tuya ${init.method} ${init.path} failed: ${init.code} ${init.msg}${init.tid ? ` (tid ${init.tid})` : ''}`)
    this.name = 'TuyaApiError'
    this.code = init.code
    this.msg = init.msg
    this.tid = init.tid
    this.httpStatus = init.httpStatus
    this.method = init.method
    this.path = init.path
  }

  get kind(): TuyaErrorKind | 'unknown' {
    return TUYA_ERROR_CODES[this.code]?.kind ?? 'unknown'
  }
  get isTokenError(): boolean {
    return isTokenErrorCode(this.code)
  }
  get isRetryable(): boolean {
    return isRetryableErrorCode(this.code) || this.httpStatus >= 500
  }
}

export type TuyaTransportFailure =
  /** No response within timeoutMs. If the request was sent, the outcome is unknown. */
  | 'timeout'
  /** Connection refused/reset/DNS: the request may or may not have reached Tuya. */
  | 'network'
  /** Non-2xx without a Tuya envelope. */
  | 'http'
  /** 2xx whose body is not a Tuya envelope, or a result that fails its schema. */
  | 'invalid_response'

/** The request did not produce a Tuya envelope we could trust. */
export class TuyaTransportError extends Error {
  readonly failure: TuyaTransportFailure
  readonly method: string
  readonly path: string
  readonly httpStatus: number | undefined
  /** True when a non-idempotent request may have been executed: do not re-send it blindly. */
  readonly outcomeUnknown: boolean

  constructor(init: {
    failure: TuyaTransportFailure
    method: string
    path: string
    message: string
    httpStatus?: number
    outcomeUnknown?: boolean
    cause?: unknown
  }) {
    super(init.message, { cause: init.cause })
    this.name = 'TuyaTransportError'
    this.failure = init.failure
    this.method = init.method
    this.path = init.path
    this.httpStatus = init.httpStatus
    this.outcomeUnknown = init.outcomeUnknown ?? false
  }

  get isRetryable(): boolean {
    return this.failure !== 'invalid_response' && (this.httpStatus === undefined || this.httpStatus >= 500)
  }
}
