import Link from 'next/link'

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6">
      <div className="max-w-md text-center" data-testid="forbidden">
        <p className="text-sm font-semibold uppercase tracking-widest text-danger">403 · Not allowed</p>
        <h1 className="mt-2 text-2xl font-semibold">Your role cannot open this page</h1>
        <p className="mt-2 text-sm text-muted">
          Ask an administrator if you need access. Everything you can use is in the navigation.
        </p>
        <Link
          href="/"
          className="mt-6 inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-contrast"
        >
          Back to my home page
        </Link>
      </div>
    </main>
  )
}
