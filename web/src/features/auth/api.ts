import type { ChangePasswordBody, LoginBody, SessionInfo } from '@eco/contracts';
import { ApiError, api, setCsrfToken } from '../../app/api.ts';

/** The current session, or null when nobody is logged in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/api/v1/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function loginWithPassword(body: LoginBody): Promise<SessionInfo> {
  const session = await api.post<SessionInfo>('/api/v1/auth/login', body);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logoutSession(): Promise<void> {
  try {
    await api.post<void>('/api/v1/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: ChangePasswordBody): Promise<void> {
  return api.post<void>('/api/v1/auth/password', body);
}
