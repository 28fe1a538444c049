'use client'

import { Menu, X } from 'lucide-react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useState, type ReactNode } from 'react'
import { NavIcon } from '@/components/layout/nav-icon'
import { LiveStreamProvider } from '@/components/realtime/live-stream'
import { StreamStatus } from '@/components/realtime/stream-status'
import { ThemeToggle } from '@/components/layout/theme-toggle'
import { UserMenu } from '@/components/layout/user-menu'
import type { PageKey } from '@/lib/auth/page-access'

/** One navigation entry: a page the signed-in role may open (`pagesFor` in lib/auth/page-access.ts). */
export type NavItem = { key: PageKey; href: string; label: string }
export type ShellUser = { name: string; email: string; role: string }

export function AppShell({ user, nav, children }: { user: ShellUser; nav: NavItem[]; children: ReactNode }) {
  const pathname = usePathname()
  const [open, setOpen] = useState(false)
  return (
    <LiveStreamProvider>
      <div className="flex min-h-screen">
        <aside
          className={`fixed inset-y-0 left-0 z-30 w-60 shrink-0 border-r border-border bg-panel transition-transform lg:static lg:translate-x-0 ${open ? 'translate-x-0' : '-translate-x-full'}`}
        >
          <div className="flex h-14 items-center justify-between px-4">
            <span className="font-semibold tracking-tight">Building Console</span>
            <button className="lg:hidden" onClick={() => setOpen(false)} aria-label="Close navigation">
              <X size={18} />
            </button>
          </div>
          <nav aria-label="Main" className="space-y-1 px-2 py-2">
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
                  {item.label}
                </Link>
              )
            })}
          </nav>
        </aside>
        {open && <div className="fixed inset-0 z-20 bg-black/50 lg:hidden" onClick={() => setOpen(false)} />}
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center gap-3 border-b border-border bg-panel px-4">
            <button className="lg:hidden" onClick={() => setOpen(true)} aria-label="Open navigation">
              <Menu size={20} />
            </button>
            <div className="flex-1" />
            <StreamStatus />
            <ThemeToggle />
            <UserMenu user={user} />
          </header>
          <main className="flex-1 p-4 md:p-6">{children}</main>
        </div>
      </div>
    </LiveStreamProvider>
  )
}
