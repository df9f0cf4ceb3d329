import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api.ts';
import { AuthProvider, sessionQueryKey } from './auth.tsx';
import { AppRoutes } from './router.tsx';
import './time.ts';

/** Client errors (4xx) are answers, not hiccups: retry only network failures and 5xx, once. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 1;
}

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
  queryCache: new QueryCache({
    onError: (error) => {
      // The server insists on a password change: reload the session so the guard shows that page.
      if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      }
    },
  }),
});

export function Root() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1f7a4d', colorLink: '#1f7a4d', borderRadius: 6 } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
