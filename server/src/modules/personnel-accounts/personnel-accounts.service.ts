import {
  type AllocateAccountBody,
  type AllocatedAccount,
  maskMobile,
  type PersonnelAccount,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { consumeSmsCode, verifySmsCode } from '../../platform/sms/sms-codes.ts';
import { generateInitialPassword } from './initial-password.ts';
import { canAllocateAccount, canViewAccount } from './personnel-accounts.policy.ts';
import {
  findMobileAccount,
  findStaff,
  insertMobileUser,
  isUsernameTaken,
} from './personnel-accounts.queries.ts';

const alreadyAllocated = () => new AppError('CONFLICT', '已分配监测账号，不能重复分配');

/** Whether a staff member has a mobile account (监测账号 有/无), for their agency. */
export async function getPersonnelAccount(
  ctx: AuthedContext,
  personnelId: string,
): Promise<PersonnelAccount> {
  const staff = await findStaff(ctx.db, personnelId);
  if (!staff || !canViewAccount(ctx.actor, staff)) throw notFound('监测人员');
  const account = await findMobileAccount(ctx.db, personnelId);
  return account ? { hasAccount: true, username: account.username } : { hasAccount: false };
}

/**
 * 账号分配: a mobile (field_staff) account for a staff member, user name = the verified mobile,
 * with a random initial password returned once; it must be changed at first login.
 */
export async function allocatePersonnelAccount(
  ctx: AuthedContext,
  personnelId: string,
  input: AllocateAccountBody,
): Promise<AllocatedAccount> {
  const staff = await findStaff(ctx.db, personnelId);
  if (!staff || !canAllocateAccount(ctx.actor, staff)) throw notFound('监测人员');
  if (await findMobileAccount(ctx.db, personnelId)) throw alreadyAllocated();
  if (await isUsernameTaken(ctx.db, input.mobile)) {
    throw validationError([{ field: 'mobile', message: '该手机号已被其他账号使用' }]);
  }
  const verified = await verifySmsCode(ctx, {
    mobile: input.mobile,
    purpose: 'allocate_account',
    code: input.smsCode,
  });
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);

  const account = await ctx.db.transaction(async (tx) => {
    const locked = await findStaff(tx, personnelId, { forUpdate: true });
    if (!locked) throw notFound('监测人员');
    if (await findMobileAccount(tx, personnelId)) throw alreadyAllocated();
    await consumeSmsCode(tx, ctx.now(), verified);
    const user = await insertMobileUser(tx, {
      username: input.mobile,
      displayName: locked.name,
      passwordHash,
      role: 'field_staff',
      agencyId: locked.agencyId,
      personnelId: locked.id,
      kind: 'mobile',
      mobileEnc: ctx.pii.encrypt(input.mobile),
      mobileHash: ctx.pii.lookupHash(input.mobile),
      mobileMasked: maskMobile(input.mobile),
      mustChangePassword: true,
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'personnel.account_allocated',
      targetType: 'personnel',
      targetId: locked.id,
      agencyId: locked.agencyId,
      after: { userId: user.id, username: maskMobile(user.username), role: 'field_staff', kind: 'mobile' },
    });
    return user;
  });
  return { username: account.username, initialPassword };
}
