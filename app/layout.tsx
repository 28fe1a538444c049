import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Providers } from '@/app/providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Building Console', template: '%s · Building Console' },
  description: 'Live access, calls and alarms from Tuya video intercoms',
}

export const viewport: Viewport = { themeColor: '#0d1117' }

// Applies the saved theme before first paint so the console never flashes light at night.
const themeScript = `try{var t=localStorage.getItem('theme');if(t==='light')document.documentElement.dataset.theme='light'}catch(e){}`

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  )
}
