// API tokens for integrations (admin): list, create (the plain token comes back once), revoke.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useSinglePageList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'

export function useTokens() {
  return useSinglePageList(queryKeys.tokens.list(), () => requestJson(apiPaths.tokens(), (s) => s.apiTokenPage))
}

function useRefreshTokens() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens.all() })
}

export function useCreateToken() {
  const onSuccess = useRefreshTokens()
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      requestJson(apiPaths.tokens(), (s) => s.createdToken, { method: 'POST', json: input }),
    onSuccess,
  })
}

export function useRevokeToken() {
  const onSuccess = useRefreshTokens()
  return useMutation({
    mutationFn: (tokenId: string) => requestJson(apiPaths.token(tokenId), (s) => s.revokedToken, { method: 'DELETE' }),
    onSuccess,
  })
}
