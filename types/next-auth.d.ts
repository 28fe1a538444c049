import type { DefaultSession } from 'next-auth'
import type { Role } from '@/lib/domain/enums'

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string; role: Role }
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role
    /** The user's sessionVersion when this session was signed (lib/auth/actor.ts). */
    sv?: number
  }
}
