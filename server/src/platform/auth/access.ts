import type { Role } from '@eco/contracts';

/**
 * Every route declares who may call it in `config.access`: 'public', 'authenticated', or a
 * list of roles. A route without it is refused at request time and fails the route-table test.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while an initial password still has to be changed (me, logout, change password). */
    allowPendingPasswordChange?: boolean;
  }
}

export function isRoleAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'authenticated') return true;
  return access.includes(role);
}
