'use client'

// The register's three views: residents, units, and door groups.
import Link from 'next/link'
import { usePathname } from 'next/navigation'

const TABS = [
  { href: '/residents', label: 'Residents' },
  { href: '/residents/units', label: 'Units' },
  { href: '/residents/groups', label: 'Door groups' },
]

export function RegisterTabs() {
  const pathname = usePathname()
  const current = TABS.find((t) => t.href !== '/residents' && pathname.startsWith(t.href))?.href ?? '/residents'
  return (
    <nav aria-label="Register" className="mb-6 flex gap-1 border-b border-border">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab.href === current ? 'border-accent font-medium text-text' : 'border-transparent text-muted hover:text-text'}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}
