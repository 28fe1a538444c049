// The resident register: the searchable list, one resident's record, and an admin's writes (create, versioned
// edit, suspend, erase, doors, CSV import). A stale edit comes back as a ResidentConflict carrying the record as
// it is now (read again, so it is checked like every other answer).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths, type ResidentFilters } from '@/lib/http/api-paths'
import type {
  CreateResidentInput,
  ResidentDetail,
  ResidentGrantsInput,
  UpdateResidentInput,
} from '@/lib/residents/schema'

export const RESIDENT_PAGE_SIZE = 50

export function useResidents(filters: ResidentFilters) {
  return useCursorList(queryKeys.residents.list(filters), (page) =>
    requestJson(apiPaths.residents(filters, { limit: RESIDENT_PAGE_SIZE, ...page }), (s) => s.residentPage),
  )
}

export function useResident(residentId: string) {
  return useQuery({
    queryKey: queryKeys.residents.detail(residentId),
    queryFn: () => requestJson(apiPaths.resident(residentId), (s) => s.residentDetail),
  })
}

/** Someone else saved first: `current` is the record now, to show beside the edit that was refused. */
export class ResidentConflict extends ApiError {
  constructor(
    error: ApiError,
    readonly current: ResidentDetail,
  ) {
    super(error.status, error.code, error.message)
    this.name = 'ResidentConflict'
  }
}

function useRefreshRegister() {
  const queryClient = useQueryClient()
  return (detail?: ResidentDetail) => {
    if (detail) queryClient.setQueryData(queryKeys.residents.detail(detail.id), detail)
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.residents.all() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.units.all() }),
    ])
  }
}

export function useCreateResident() {
  const refresh = useRefreshRegister()
  return useMutation({
    mutationFn: (input: CreateResidentInput) =>
      requestJson(apiPaths.residents(), (s) => s.resident, { method: 'POST', json: input }),
    onSuccess: () => refresh(),
  })
}

export function useUpdateResident(residentId: string) {
  const refresh = useRefreshRegister()
  return useMutation({
    mutationFn: async (change: UpdateResidentInput) => {
      try {
        return await requestJson(apiPaths.resident(residentId), (s) => s.resident, { method: 'PATCH', json: change })
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'version_conflict') throw error
        const current = await requestJson(apiPaths.resident(residentId), (s) => s.residentDetail)
        throw new ResidentConflict(error, current)
      }
    },
    onSuccess: () => refresh(),
  })
}

export function useEraseResident(residentId: string) {
  const refresh = useRefreshRegister()
  return useMutation({
    mutationFn: () => requestJson(apiPaths.resident(residentId), (s) => s.resident, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  })
}

export function useSetResidentDoors(residentId: string) {
  const refresh = useRefreshRegister()
  return useMutation({
    mutationFn: (grants: ResidentGrantsInput) =>
      requestJson(apiPaths.residentDevices(residentId), (s) => s.residentDetail, { method: 'PUT', json: grants }),
    onSuccess: (detail) => refresh(detail),
  })
}

/**
 * A CSV file checked (`dryRun`) or imported. Sent as a multipart form: a cookie-authenticated write must use a
 * body type no plain HTML form can forge (lib/http/same-origin.ts), and the browser sets the boundary itself.
 */
export function useImportResidents() {
  const refresh = useRefreshRegister()
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) => {
      const form = new FormData()
      form.set('file', file)
      return requestJson(apiPaths.residentsImport({ dryRun }), (s) => s.importReport, { method: 'POST', body: form })
    },
    onSuccess: (report) => (report.dryRun ? undefined : refresh()),
  })
}
