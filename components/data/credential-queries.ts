// A resident's faces, cards and PINs: the list, and the writes that change it. Every write refreshes the list,
// the register's counts and the resident's sync rows (the doors now have work).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, requestJson } from '@/components/data/api-client'
import { queryKeys } from '@/components/data/query-keys'
import type { CardInput, PinInput } from '@/lib/credentials/schema'
import type { FaceReason } from '@/lib/faces/face-rules'
import { FACE_REASON_CODES } from '@/lib/faces/face-rules'
import { apiPaths } from '@/lib/http/api-paths'

export function useCredentials(residentId: string) {
  return useQuery({
    queryKey: queryKeys.residents.credentials(residentId),
    queryFn: () => requestJson(apiPaths.residentCredentials(residentId), (s) => s.credentialList),
  })
}

function useRefreshAfterWrite(residentId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.residents.credentials(residentId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.residents.lists() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.residents.sync(residentId) }),
    ])
}

export function useAddCard(residentId: string) {
  const refresh = useRefreshAfterWrite(residentId)
  return useMutation({
    mutationFn: (input: CardInput) =>
      requestJson(apiPaths.residentCards(residentId), (s) => s.credential, { method: 'POST', json: input }),
    onSuccess: refresh,
  })
}

export function useAddPin(residentId: string) {
  const refresh = useRefreshAfterWrite(residentId)
  return useMutation({
    mutationFn: (input: PinInput) =>
      requestJson(apiPaths.residentPins(residentId), (s) => s.credential, { method: 'POST', json: input }),
    onSuccess: refresh,
  })
}

export type FaceUpload = { photo: Blob; validFrom?: string | null; validTo?: string | null }

export function useEnrolFace(residentId: string) {
  const refresh = useRefreshAfterWrite(residentId)
  return useMutation({
    mutationFn: ({ photo, validFrom, validTo }: FaceUpload) => {
      const form = new FormData()
      form.set('image', photo, 'face.jpg')
      if (validFrom) form.set('validFrom', validFrom)
      if (validTo) form.set('validTo', validTo)
      // FormData sets its own multipart Content-Type, boundary included.
      return requestJson(apiPaths.residentFaces(residentId), (s) => s.credential, { method: 'POST', body: form })
    },
    onSuccess: refresh,
  })
}

export function useRevokeCredential(residentId: string) {
  const refresh = useRefreshAfterWrite(residentId)
  return useMutation({
    mutationFn: ({ kind, credentialId }: { kind: 'face' | 'card' | 'pin'; credentialId: string }) =>
      requestJson(apiPaths.residentCredential(residentId, kind, credentialId), (s) => s.revokedCredential, {
        method: 'DELETE',
      }),
    onSuccess: refresh,
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
const isReason = (value: unknown): value is FaceReason =>
  isRecord(value) && typeof value.message === 'string' && (FACE_REASON_CODES as readonly unknown[]).includes(value.code)

/** The server's reasons for refusing a face photo (422 `face_rejected`), or null for any other failure. */
export function faceRejectionReasons(error: unknown): FaceReason[] | null {
  if (!(error instanceof ApiError) || error.code !== 'face_rejected' || !isRecord(error.body)) return null
  const reasons = isRecord(error.body.error) ? error.body.error.reasons : undefined
  return Array.isArray(reasons) ? reasons.filter(isReason) : null
}
