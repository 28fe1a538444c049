import Link from 'next/link'

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6 text-center">
      <div>
        <p className="text-sm font-semibold uppercase tracking-widest text-muted">404</p>
        <h1 className="mt-2 text-2xl font-semibold">Nothing here</h1>
        <Link href="/" className="mt-6 inline-block text-accent underline">
          Back to the console
        </Link>
      </div>
    </main>
  )
}
