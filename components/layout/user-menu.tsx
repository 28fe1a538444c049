'use client'

import { LogOut } from 'lucide-react'
import { signOut } from 'next-auth/react'
import { useTranslations } from 'next-intl'
import type { ShellUser } from '@/components/layout/app-shell'

export function UserMenu({ user }: { user: ShellUser }) {
  const t = useTranslations('shell')
  const roles = useTranslations('roles')
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right sm:block">
        <div className="text-sm font-medium" data-testid="user-name">
          {user.name}
        </div>
        <div className="text-xs text-muted" data-testid="user-role">
          {roles(user.role)}
        </div>
      </div>
      <button
        onClick={() => void signOut({ redirect: false }).then(() => window.location.assign('/login'))}
        className="rounded-md p-2 text-muted hover:bg-panel-2 hover:text-text"
        aria-label={t('signOut')}
        title={t('signOut')}
      >
        <LogOut size={18} />
      </button>
    </div>
  )
}
