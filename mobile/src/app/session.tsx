import type { Me, SessionInfo } from '@eco/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { fetchSession, loginWithPassword, logoutSession } from '../features/auth/api.ts';
import { setCsrfToken, setUnauthenticatedHandler } from './api.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: Me };

/** What a login attempt came to: only 监测人员 (field_staff) may use the field app. */
export type LoginOutcome = { isFieldStaff: boolean };

type SessionContextValue = {
  state: SessionState;
  login: (username: string, password: string) => Promise<LoginOutcome>;
  logout: () => Promise<void>;
  reload: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function isFieldStaff(user: Me): boolean {
  return user.role === 'field_staff';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((session: SessionInfo | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setState(session ? { status: 'authenticated', user: session.user } : { status: 'anonymous' });
  }, []);

  const reload = useCallback(async () => {
    try {
      adopt(await fetchSession());
    } catch {
      setState({ status: 'failed', message: '无法连接服务器，请检查网络后重试' });
    }
  }, [adopt]);

  useEffect(() => {
    void reload();
    setUnauthenticatedHandler(() => adopt(null));
    return () => setUnauthenticatedHandler(null);
  }, [reload, adopt]);

  const login = useCallback(
    async (username: string, password: string): Promise<LoginOutcome> => {
      const session = await loginWithPassword(username, password);
      if (isFieldStaff(session.user)) {
        adopt(session);
        return { isFieldStaff: true };
      }
      // Other roles work on the web platform; their new session must not linger in the field app.
      setCsrfToken(session.csrfToken);
      await logoutSession().catch(() => undefined);
      adopt(null);
      return { isFieldStaff: false };
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await logoutSession();
    } finally {
      adopt(null);
    }
  }, [adopt]);

  const value = useMemo(() => ({ state, login, logout, reload }), [state, login, logout, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The logged-in user; only for pages rendered behind the session guard. */
export function useCurrentUser(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser needs an authenticated session');
  return state.user;
}
