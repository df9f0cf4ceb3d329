import type { Me, SessionInfo } from '@eco/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { fetchSession, loginWithPassword, logoutSession } from '../features/auth/api.ts';
import { clearSyncedData } from '../features/sync/clear.ts';
import { configureSync, startSyncEngine } from '../features/sync/engine.ts';
import { resumeTracks, stopAllTracks } from '../features/track/recorder.ts';
import { isTransientError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { forgetSession, readRememberedUser, rememberSession } from './offline-session.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'anonymous' }
  /** `isOffline`: the server could not be reached; the app runs on the session kept on the phone. */
  | { status: 'authenticated'; user: Me; isOffline: boolean };

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

  const reloadRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const adopt = useCallback((session: SessionInfo | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    if (session && isFieldStaff(session.user)) {
      const user = session.user;
      setState({ status: 'authenticated', user, isOffline: false });
      void rememberSession(user);
      configureSync(user.id, true, () => void reloadRef.current());
      void resumeTracks(user.id);
      return;
    }
    configureSync(null, false, null);
    void forgetSession();
    setState(
      session ? { status: 'authenticated', user: session.user, isOffline: false } : { status: 'anonymous' },
    );
  }, []);

  const reload = useCallback(async () => {
    await startSyncEngine().catch(() => undefined);
    try {
      adopt(await fetchSession());
    } catch (error) {
      const user = isTransientError(error) ? await readRememberedUser().catch(() => null) : null;
      if (!user) {
        setState({ status: 'failed', message: '无法连接服务器，请检查网络后重试' });
        return;
      }
      configureSync(user.id, false, null);
      void resumeTracks(user.id);
      setState({ status: 'authenticated', user, isOffline: true });
    }
  }, [adopt]);
  reloadRef.current = reload;

  useEffect(() => {
    void reload();
    setUnauthenticatedHandler(() => adopt(null));
    return () => setUnauthenticatedHandler(null);
  }, [reload, adopt]);

  // Back online after an offline start: confirm the session so that the queue can be sent.
  const isOffline = state.status === 'authenticated' && state.isOffline;
  useEffect(() => {
    if (!isOffline) return;
    const onOnline = () => void reload();
    window.addEventListener('online', onOnline);
    const timer = setInterval(onOnline, 30_000);
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, [isOffline, reload]);

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

  /** Ends the session; the phone forgets what is synced and keeps the queue for the next login. */
  const logout = useCallback(async () => {
    await stopAllTracks();
    try {
      await logoutSession();
    } finally {
      await clearSyncedData().catch(() => undefined);
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
