// What a push needs besides the row: the Tuya calls it may make, the shared rate gate, the server secret (PINs are
// unsealed, face URLs signed at push time) and a way to record progress after each successful call.
import { unsealSecret } from '@/lib/auth/seal'
import type { Applied } from '@/lib/sync/applied-state'
import type { ApiClass, RateGate } from '@/lib/sync/rate-gate'
import { syncError } from '@/lib/sync/sync-failure'
import { TuyaApiError } from '@/lib/tuya/errors'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

/** The Tuya calls the sync worker makes (a test may wrap them to watch or fail them). */
export type SyncTuyaApi = Pick<
  TuyaClient,
  | 'addPerson'
  | 'updatePerson'
  | 'deletePerson'
  | 'addFace'
  | 'deleteFace'
  | 'addCard'
  | 'deleteCard'
  | 'addPassword'
  | 'deletePassword'
  | 'createLockMember'
  | 'updateLockMember'
  | 'deleteLockMember'
  | 'listLockUsers'
  | 'createTempPassword'
  | 'listTempPasswords'
  | 'deleteTempPassword'
>

export type PushDeps = {
  api: SyncTuyaApi
  gate: RateGate
  secret: string
  /** Where Tuya downloads face photos from; null when no public address is configured. */
  faceBaseUrl: string | null
  now: () => Date
  /** Persists `applied` after a successful call; throws when this worker no longer holds the row. */
  record(applied: Applied): Promise<void>
  /** The plain PIN of a credential (revoked ones stay sealed until every device removed them), or null. */
  pinOf(credentialId: string): string | null
}

/** Waits for the API class's turn, then calls. */
export async function gated<T>(deps: PushDeps, apiClass: ApiClass, call: () => Promise<T>): Promise<T> {
  await deps.gate.take(apiClass)
  return call()
}

/** Deleting what the device no longer has is done: Tuya answers 1000 "data not exist". */
export async function ignoreMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call
  } catch (error) {
    if (error instanceof TuyaApiError && error.code === 1000) return null
    throw error
  }
}

export function isMissing(error: unknown): boolean {
  return error instanceof TuyaApiError && error.code === 1000
}

export function unsealPin(sealed: string, credentialId: string, secret: string): string {
  try {
    return unsealSecret(sealed, secret)
  } catch {
    throw syncError.pinUnreadable(credentialId)
  }
}
