// next-auth (v4) configuration: credentials sign-in, JWT sessions carrying the user's id and role.
import type { NextAuthOptions } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { getAuthSecret } from '@/lib/auth/auth-secret'
import { clientAddressOf, userAgentOf } from '@/lib/auth/client-address'
import { safeRedirectUrl } from '@/lib/auth/safe-callback'
import { SIGN_IN_INVALID, SIGN_IN_THROTTLED, signInWithPassword } from '@/lib/auth/sign-in'
import type { Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'
import { servedOverHttps } from '@/lib/http/security-headers'

export const SESSION_MAX_AGE_S = 12 * 60 * 60 // one guard shift

/** `db`: the caller's client (the auth route and the page guard obtain the process-wide one). */
export function buildAuthOptions(db: Db): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the public URL is https, stated rather than
    // left to next-auth's own reading of NEXTAUTH_URL; lib/auth/actor.ts reads them under the same rule.
    useSecureCookies: servedOverHttps(),
    pages: { signIn: '/login', error: '/login' },
    providers: [
      Credentials({
        name: 'Password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) throw new Error(SIGN_IN_INVALID)
          const result = await signInWithPassword(db, {
            email: credentials.email,
            password: credentials.password,
            ip: clientAddressOf(req?.headers),
            userAgent: userAgentOf(req?.headers),
          })
          if (!result.ok) throw new Error(result.reason === 'throttled' ? SIGN_IN_THROTTLED : SIGN_IN_INVALID)
          return result.user
        },
      }),
    ],
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role: Role; sessionVersion: number }
          token.sub = u.id
          token.role = u.role
          token.sv = u.sessionVersion
        }
        return token
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? ''
          session.user.role = token.role as Role
        }
        return session
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sub) return
        const actor = { userId: token.sub, label: token.email ?? token.sub }
        await runChange(db, async ({ audit }) => audit({ actor, action: 'auth.sign_out' })).catch(() => undefined)
      },
    },
  }
}
