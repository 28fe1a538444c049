// Operators (admin) and who the browser is signed in as.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useSinglePageList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'
import type { CreateUserInput, UpdateUserInput } from '@/lib/users/schema'

/** A new operator as typed in the form; the server validates it (createUserSchema). */
export type NewUserForm = { [K in keyof CreateUserInput]: string }

export function useUsers() {
  return useSinglePageList(queryKeys.users.list(), () => requestJson(apiPaths.users(), (s) => s.userPage))
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: NewUserForm) =>
      requestJson(apiPaths.users(), (s) => s.createdUser, { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  })
}

/** Disable, enable or re-role an operator: the server ends their sessions, tokens and live connections. */
export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: UpdateUserInput }) =>
      requestJson(apiPaths.user(userId), (s) => s.user, { method: 'PATCH', json: change }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tokens.all() }),
      ]),
  })
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me.all(), queryFn: () => requestJson(apiPaths.me(), (s) => s.me) })
}

/** Saves the signed-in operator's console language; the page then re-renders in it. */
export function useSetLocale() {
  return useMutation({
    mutationFn: (locale: string) =>
      requestJson(apiPaths.myLocale(), (s) => s.localeChoice, { method: 'PUT', json: { locale } }),
  })
}
