import type { RegionNode, RegisterAgencyBody, RegisterPersonBody, SessionInfo } from '@eco/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, setCsrfToken } from '../../app/api.ts';
import { sessionQueryKey } from '../../app/auth.tsx';

export function useRegionTree() {
  return useQuery({
    queryKey: ['regions', 'tree'],
    queryFn: async () => (await api.get<{ items: RegionNode[] }>('/api/v1/regions/tree')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Whether the server shows demo text messages (it does outside production only). */
export function useIsDevSmsAvailable(): boolean {
  const probe = useQuery({
    queryKey: ['dev-sms-available'],
    queryFn: async () => {
      try {
        await api.get('/api/v1/dev/sms-outbox', { mobile: '13900000000' });
        return true;
      } catch {
        return false;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return probe.data === true;
}

/** Registers and keeps the session the server opened, as a login would. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useCallback(
    async (kind: 'agency' | 'person', body: RegisterAgencyBody | RegisterPersonBody) => {
      const session = await api.post<SessionInfo>(`/api/v1/registration/${kind}`, body);
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, session);
      return session.user;
    },
    [queryClient],
  );
}
