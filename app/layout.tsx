import type { Metadata, Viewport } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { Providers } from '@/app/providers'
import { NONCE_HEADER } from '@/lib/http/security-headers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Building Console', template: '%s · Building Console' },
  description: 'Live access, calls and alarms from Tuya video intercoms',
}

export const viewport: Viewport = { themeColor: '#0d1117' }

// Applies the saved theme before first paint so the console never flashes light at night. The page's only inline
// script: it runs because it carries this request's CSP nonce (proxy.ts), which also makes every page dynamic.
const themeScript = `try{var t=localStorage.getItem('theme');if(t==='light')document.documentElement.dataset.theme='light'}catch(e){}`

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  )
}
