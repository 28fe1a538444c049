'use client'

// The register's three views: residents, units, and door groups.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'

const TABS = [
  { href: '/residents', key: 'residents' },
  { href: '/residents/units', key: 'units' },
  { href: '/residents/groups', key: 'groups' },
] as const

export function RegisterTabs() {
  const t = useTranslations('nav')
  const label = useTranslations('residents')
  const pathname = usePathname()
  const current = TABS.find((tab) => tab.href !== '/residents' && pathname.startsWith(tab.href))?.href ?? '/residents'
  return (
    <nav aria-label={label('tabs')} className="mb-6 flex gap-1 border-b border-border">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab.href === current ? 'border-accent font-medium text-text' : 'border-transparent text-muted hover:text-text'}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  )
}
