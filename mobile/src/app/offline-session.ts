import type { Me } from '@eco/contracts';
import { type CachedSession, deleteMeta, readMeta, writeMeta } from '../features/sync/db.ts';

/** Keeps just enough of a field account to open the app offline (no username, ID or phone number). */
export async function rememberSession(user: Me): Promise<void> {
  await writeMeta('session', {
    userId: user.id,
    displayName: user.displayName,
    role: user.role,
    posts: user.posts,
    agencyName: user.agency?.name ?? null,
    agencyStatus: user.agency?.status ?? null,
  });
}

export async function forgetSession(): Promise<void> {
  await deleteMeta('session');
}

/** The person last signed in on this phone, as far as the offline app needs to know them. */
export async function readRememberedUser(): Promise<Me | null> {
  const cached: CachedSession | undefined = await readMeta('session');
  if (!cached) return null;
  return {
    id: cached.userId,
    username: '',
    displayName: cached.displayName,
    role: cached.role,
    agency: cached.agencyName ? { id: '', name: cached.agencyName, status: cached.agencyStatus ?? '' } : null,
    region: null,
    posts: cached.posts,
    mustChangePassword: false,
    notice: null,
  };
}
