'use client'

import { Moon, Sun } from 'lucide-react'
import { useEffect, useState } from 'react'

export function ThemeToggle() {
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
      aria-label={light ? 'Switch to dark theme' : 'Switch to light theme'}
      title={light ? 'Dark theme' : 'Light theme (bright desk)'}
    >
      {light ? <Moon size={18} /> : <Sun size={18} />}
    </button>
  )
}
