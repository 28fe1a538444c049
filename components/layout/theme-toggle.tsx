'use client'

import { Moon, Sun } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'

export function ThemeToggle() {
  const t = useTranslations('shell')
  const [light, setLight] = useState(false)
  useEffect(() => setLight(document.documentElement.dataset.theme === 'light'), [])
  function toggle() {
    const next = !light
    setLight(next)
    if (next) document.documentElement.dataset.theme = 'light'
    else delete document.documentElement.dataset.theme
    localStorage.setItem('theme', next ? 'light' : 'dark')
  }
  return (
    <button
      onClick={toggle}
      className="rounded-md p-2 text-muted hover:bg-panel-2 hover:text-text"
      aria-label={light ? t('themeToDark') : t('themeToLight')}
      title={light ? t('themeDarkHint') : t('themeLightHint')}
    >
      {light ? <Moon size={18} /> : <Sun size={18} />}
    </button>
  )
}
