'use client'

import { Menu, X } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { usePathname } from 'next/navigation'
import { useState, type ReactNode } from 'react'
import { LanguageSelect, type LocaleChoices } from '@/components/i18n/language-select'
import { NavIcon } from '@/components/layout/nav-icon'
import { LiveStreamProvider } from '@/components/realtime/live-stream'
import { StreamStatus } from '@/components/realtime/stream-status'
import { ThemeToggle } from '@/components/layout/theme-toggle'
import { UserMenu } from '@/components/layout/user-menu'
import type { PageKey } from '@/lib/auth/page-access'
import type { Role } from '@/lib/domain/enums'

/** One navigation entry: a page the signed-in role may open (`pagesFor` in lib/auth/page-access.ts). */
export type NavItem = { key: PageKey; href: string }
export type ShellUser = { name: string; email: string; role: Role }

export function AppShell({
  user,
  nav,
  locales,
  children,
}: {
  user: ShellUser
  nav: NavItem[]
  locales: LocaleChoices
  children: ReactNode
}) {
  const t = useTranslations('nav')
  const app = useTranslations('app')
  const pathname = usePathname()
  const [open, setOpen] = useState(false)
  return (
    <LiveStreamProvider>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-accent-contrast focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        {t('skipToContent')}
      </a>
      <div className="flex min-h-screen">
        {/* Below lg the navigation is a panel the menu button opens; closed, it is out of sight and out of the tab
            order (invisible), so a narrow or zoomed window reads the page at full width (WCAG 1.4.10). */}
        <aside
          id="main-navigation"
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
          className={`fixed inset-y-0 left-0 z-30 w-60 max-w-[85vw] shrink-0 overflow-y-auto border-r border-border bg-panel transition-[transform,visibility] lg:visible lg:static lg:translate-x-0 ${open ? 'visible translate-x-0' : 'invisible -translate-x-full'}`}
        >
          <div className="flex h-14 items-center justify-between px-4">
            <span className="font-semibold tracking-tight">{app('name')}</span>
            <button className="lg:hidden" onClick={() => setOpen(false)} aria-label={t('close')}>
              <X size={18} />
            </button>
          </div>
          <nav aria-label={t('main')} className="space-y-1 px-2 py-2">
            {nav.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`)
              return (
                <Link
                  key={item.key}
                  href={item.href}
                  onClick={() => setOpen(false)}
                  aria-current={active ? 'page' : undefined}
                  className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm ${active ? 'bg-panel-2 font-medium text-text' : 'text-muted hover:bg-panel-2 hover:text-text'}`}
                >
                  <NavIcon page={item.key} />
                  {t(item.key)}
                </Link>
              )
            })}
          </nav>
        </aside>
        {open && <div className="fixed inset-0 z-20 bg-black/50 lg:hidden" onClick={() => setOpen(false)} />}
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex min-h-14 flex-wrap items-center gap-x-2 gap-y-1 border-b border-border bg-panel px-3 py-2 sm:gap-x-3 sm:px-4">
            <button
              className="lg:hidden"
              onClick={() => setOpen(true)}
              aria-label={t('open')}
              aria-expanded={open}
              aria-controls="main-navigation"
            >
              <Menu size={20} />
            </button>
            <div className="flex-1" />
            <StreamStatus />
            <LanguageSelect locales={locales} signedIn />
            <ThemeToggle />
            <UserMenu user={user} />
          </header>
          <main id="main" tabIndex={-1} className="flex-1 p-4 outline-none md:p-6">
            {children}
          </main>
        </div>
      </div>
    </LiveStreamProvider>
  )
}
