import type { SessionInfo } from '@eco/contracts';
import { ApiError, getJson, postAction, postJson } from '../../app/api.ts';

export function loginWithPassword(username: string, password: string): Promise<SessionInfo> {
  return postJson<SessionInfo>('/api/v1/auth/login', { username, password });
}

/** The current session, or null when nobody is logged in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await getJson<SessionInfo>('/api/v1/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function logoutSession(): Promise<void> {
  return postAction('/api/v1/auth/logout');
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return postAction('/api/v1/auth/password', { currentPassword, newPassword });
}
