import NextAuth from 'next-auth'
import { buildAuthOptions } from '@/lib/auth/auth-options'
import { getDb } from '@/lib/db/client'

export const dynamic = 'force-dynamic'

// Built per request: the secret is only known once server.ts has started (not at `next build`).
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, buildAuthOptions(getDb()))
}

export { handler as GET, handler as POST }
