import type { AllocateAccountBody, AllocatedAccount, PersonnelAccount } from '@eco/contracts';
import { api } from '../../app/api.ts';

export const personnelAccountKeys = {
  account: (personnelId: string) => ['personnel', personnelId, 'account'] as const,
};

export function fetchPersonnelAccount(personnelId: string): Promise<PersonnelAccount> {
  return api.get<PersonnelAccount>(`/api/v1/personnel/${personnelId}/account`);
}

export function allocateAccount(personnelId: string, body: AllocateAccountBody): Promise<AllocatedAccount> {
  return api.post<AllocatedAccount>(`/api/v1/personnel/${personnelId}/account`, body);
}
