'use client'

// "New resident": the record's fields; on success the admin lands on the new resident's page to grant doors and
// enrol credentials.
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { useCreateResident } from '@/components/data/resident-queries'
import { EMPTY_DRAFT, ResidentFields, type ResidentDraft } from '@/components/residents/resident-fields'
import { Button } from '@/components/ui/button'

export function NewResidentForm({ onClose }: { onClose: () => void }) {
  const router = useRouter()
  const create = useCreateResident()
  const [draft, setDraft] = useState<ResidentDraft>(EMPTY_DRAFT)
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const created = await create.mutateAsync({ ...draft, unitId: draft.unitId || null })
      router.push(`/residents/${encodeURIComponent(created.id)}`)
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label="New resident"
      className="space-y-4 rounded-xl border border-border bg-panel p-4"
    >
      <h2 className="text-lg font-semibold">New resident</h2>
      <ResidentFields draft={draft} onChange={setDraft} />
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          Create resident
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
