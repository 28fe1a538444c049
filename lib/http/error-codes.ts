// Every error `code` the server gives: in API answers (`{"error":{"code","message"}}`), in the webhook's answers to
// Tuya, and in a resident's sync rows when our own side stopped a push. The codes are stable English identifiers
// that integrations may rely on; the console shows `errors.<code>` from the message catalogues instead of the
// English message (components/i18n/use-error-message.ts). AppError only takes a code listed here, and
// lib/http/error-codes.test.ts fails when a code (listed, or written anywhere in the server) lacks a catalogue
// entry. Browser-safe: no imports.
export const ERROR_CODES = [
  // Any route.
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  'unavailable',
  'internal',
  'cross_origin',
  'unsupported_media_type',
  'payload_too_large',
  'aborted',
  // Residents and credentials.
  'import_invalid',
  'card_in_use',
  'pin_in_use',
  'weak_pin',
  'face_rejected',
  'busy',
  'face_check_unavailable',
  // Alarms.
  'invalid_assignee',
  'note_required',
  // Opening a door, the live view.
  'tuya_error',
  'tuya_unreachable',
  'unlock_outcome_unknown',
  'unlock_not_recorded',
  'stream_unsupported',
  'stream_expired',
  'stream_unreachable',
  'stream_host_refused',
  'stream_bad_type',
  'stream_bad_playlist',
  'stream_timeout',
  'stream_too_large',
  // A push to a door stopped by our side (shown in a resident's sync rows).
  'no_public_url',
  'pin_unreadable',
  'lease_lost',
  'stopping',
  // The webhook's answers to Tuya.
  'malformed_json',
  'unrecognised_message',
  'missing_signature',
  'bad_signature',
  'unknown_client',
  'stale_timestamp',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Codes the console's own API client gives a failure that has no server code (components/data/api-client.ts). */
export const CLIENT_ERROR_CODES = ['network', 'http_error', 'bad_response', 'unknown'] as const

/**
 * Why a `409 conflict` was answered, as `error.details.reason` (with `details.max` for a limit): the console names
 * it by `conflicts.<reason>` in the catalogues, where `errors.conflict` alone would say only "changed meanwhile".
 */
export const CONFLICT_REASONS = [
  'email_taken',
  'unit_taken',
  'group_name_taken',
  'own_account',
  'last_admin',
  'resident_erasing',
  'already_removed',
  'too_many_faces',
  'too_many_cards',
  'pin_exists',
  'alarm_resolved',
  'alarm_acknowledged',
  'call_answered',
  'call_ended',
  'call_not_missed',
  'unlock_in_progress',
] as const

export type ConflictReason = (typeof CONFLICT_REASONS)[number]
