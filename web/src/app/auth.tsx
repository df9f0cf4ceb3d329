import type { LoginBody, Me, SessionInfo } from '@eco/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { fetchSession, loginWithPassword, logoutSession } from '../features/auth/api.ts';
import { setUnauthenticatedHandler } from './api.ts';

export const sessionQueryKey = ['session'] as const;

type AuthContextValue = {
  me: Me | null;
  isLoading: boolean;
  login: (body: LoginBody) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reloads who is logged in (after a password change, for instance). */
  refresh: () => Promise<void>;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  // A 401 from any request means the session is gone: forget the user and every cached page.
  const forgetSession = useCallback(() => {
    queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  }, [queryClient]);

  useEffect(() => {
    setUnauthenticatedHandler(forgetSession);
    return () => setUnauthenticatedHandler(null);
  }, [forgetSession]);

  const login = useCallback(
    async (body: LoginBody) => {
      const next = await loginWithPassword(body);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, next);
      return next.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await logoutSession();
    } finally {
      forgetSession();
    }
  }, [forgetSession]);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({ me: session.data?.user ?? null, isLoading: session.isPending, login, logout, refresh }),
    [session.data, session.isPending, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The logged-in user; only for pages behind the login guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used outside the login guard');
  return me;
}
