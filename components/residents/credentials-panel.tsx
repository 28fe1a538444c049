'use client'
// A resident's faces, cards and PINs. Placeholder until the credentials work lands.
export function CredentialsPanel({ residentId }: { residentId: string; canManage: boolean }) {
  return <section aria-label="Credentials" data-resident={residentId} />
}
