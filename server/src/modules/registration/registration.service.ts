import {
  checkPassword,
  type FieldError,
  maskMobile,
  passwordProblemMessages,
  type RegisterAgencyBody,
  type RegisterPersonBody,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { Actor, ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { validationError } from '../../platform/errors.ts';
import { consumeSmsCode, verifySmsCode } from '../../platform/sms/sms-codes.ts';
import type { UserRow } from '../users/users.queries.ts';
import { resolvePersonalAccount } from './personal-account.ts';
import {
  insertAgency,
  insertUser,
  isCountyRegion,
  isCreditCodeTaken,
  isIdNumberRegistered,
  isUsernameTaken,
} from './registration.queries.ts';

export type Registered = { userId: string; token: string; csrfToken: string };

function passwordError(password: string, username: string): FieldError | null {
  const problem = checkPassword(password, username);
  return problem ? { field: 'password', message: passwordProblemMessages[problem] } : null;
}

function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Actor['role'],
    agencyId: user.agencyId,
    personnelId: user.personnelId,
    regionCode: user.regionCode,
  };
}

function mobileColumns(ctx: ServiceContext, mobile: string) {
  return {
    mobileEnc: ctx.pii.encrypt(mobile),
    mobileHash: ctx.pii.lookupHash(mobile),
    mobileMasked: maskMobile(mobile),
  };
}

async function startSession(tx: Db, ctx: ServiceContext, userId: string) {
  return createSession(tx, {
    userId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    now: ctx.now(),
    policy: ctx.config.session,
  });
}

/** Unique-index races end here: the checks before the transaction give the friendly message. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * 法人注册: a new agency (草稿, to be completed under 机构信息) and its 法人账号, confirmed by a
 * code sent to the given mobile; the new account is logged in.
 */
export async function registerAgency(ctx: ServiceContext, input: RegisterAgencyBody): Promise<Registered> {
  const errors: FieldError[] = [];
  if (!(await isCountyRegion(ctx.db, input.regionCode))) {
    errors.push({ field: 'regionCode', message: '请选择所在区县' });
  }
  if (await isCreditCodeTaken(ctx.db, input.creditCode)) {
    errors.push({ field: 'creditCode', message: '该统一社会信用代码已注册，请使用原法人账号登录' });
  }
  if (await isUsernameTaken(ctx.db, input.username)) {
    errors.push({ field: 'username', message: '用户名已被使用，请换一个' });
  }
  const weak = passwordError(input.password, input.username);
  if (weak) errors.push(weak);
  if (errors.length > 0) throw validationError(errors);

  const verified = await verifySmsCode(ctx, {
    mobile: input.mobile,
    purpose: 'register_agency',
    code: input.smsCode,
  });
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      await consumeSmsCode(tx, ctx.now(), verified);
      const agency = await insertAgency(tx, {
        name: input.agencyName,
        creditCode: input.creditCode,
        regionCode: input.regionCode,
        status: 'draft',
        legalRepresentative: input.legalRepresentative,
        contactPerson: input.contactPerson,
        contactPhone: input.mobile,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
      const user = await insertUser(tx, {
        username: input.username,
        displayName: input.legalRepresentative,
        passwordHash,
        role: 'agency_admin',
        agencyId: agency.id,
        kind: 'legal_person',
        ...mobileColumns(ctx, input.mobile),
        mustChangePassword: false,
        passwordChangedAt: ctx.now(),
        lastLoginAt: ctx.now(),
        createdAt: ctx.now(),
      });
      const who = { actor: actorOf(user), meta: ctx.meta, now: ctx.now };
      await appendAudit(tx, who, {
        action: 'agency.registered',
        targetType: 'agency',
        targetId: agency.id,
        agencyId: agency.id,
        after: {
          name: agency.name,
          creditCode: agency.creditCode,
          regionCode: agency.regionCode,
          legalRepresentative: agency.legalRepresentative,
          contactPerson: agency.contactPerson,
          status: agency.status,
        },
      });
      await appendAudit(tx, who, {
        action: 'user.registered',
        targetType: 'user',
        targetId: user.id,
        agencyId: agency.id,
        after: { username: user.username, role: user.role, kind: user.kind, mobile: user.mobileMasked },
      });
      const session = await startSession(tx, ctx, user.id);
      return { userId: user.id, token: session.token, csrfToken: session.csrfToken };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw validationError([{ field: 'creditCode', message: '该统一社会信用代码或用户名已注册' }]);
    }
    throw error;
  }
}

/**
 * 个人注册: a personal account identified by ID number. It works as 登记人员 once an agency's
 * approved staff record with the same ID number has that post (see resolvePersonalAccount).
 */
export async function registerPerson(ctx: ServiceContext, input: RegisterPersonBody): Promise<Registered> {
  const idNumberHash = ctx.pii.lookupHash(input.idNumber);
  const errors: FieldError[] = [];
  if (await isIdNumberRegistered(ctx.db, idNumberHash)) {
    errors.push({ field: 'idNumber', message: '该身份证号已注册个人账号，请直接登录' });
  }
  if (await isUsernameTaken(ctx.db, input.username)) {
    errors.push({ field: 'username', message: '用户名已被使用，请换一个' });
  }
  const weak = passwordError(input.password, input.username);
  if (weak) errors.push(weak);
  if (errors.length > 0) throw validationError(errors);

  const verified = await verifySmsCode(ctx, {
    mobile: input.mobile,
    purpose: 'register_person',
    code: input.smsCode,
  });
  const passwordHash = await hashPassword(input.password);
  let user: UserRow;
  try {
    user = await ctx.db.transaction(async (tx) => {
      await consumeSmsCode(tx, ctx.now(), verified);
      const created = await insertUser(tx, {
        username: input.username,
        displayName: input.name,
        passwordHash,
        role: 'person',
        kind: 'personal',
        idNumberEnc: ctx.pii.encrypt(input.idNumber),
        idNumberHash,
        ...mobileColumns(ctx, input.mobile),
        mustChangePassword: false,
        passwordChangedAt: ctx.now(),
        lastLoginAt: ctx.now(),
        createdAt: ctx.now(),
      });
      await appendAudit(
        tx,
        { actor: actorOf(created), meta: ctx.meta, now: ctx.now },
        {
          action: 'user.registered',
          targetType: 'user',
          targetId: created.id,
          after: { username: created.username, kind: created.kind, mobile: created.mobileMasked },
        },
      );
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError([{ field: 'username', message: '用户名已被使用' }]);
    throw error;
  }
  await resolvePersonalAccount(ctx, user);
  const session = await ctx.db.transaction((tx) => startSession(tx, ctx, user.id));
  return { userId: user.id, token: session.token, csrfToken: session.csrfToken };
}
