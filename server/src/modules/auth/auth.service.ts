import {
  checkPassword,
  type Me,
  passwordProblemMessages,
  personWithoutStaffRecordNotice,
  type Role,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { getDummyHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions.ts';
import type { Actor, AuthedContext, ServiceContext } from '../../platform/context.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { resolvePersonalAccount } from '../registration/personal-account.ts';
import {
  findUserById,
  findUserByUsername,
  findUserProfile,
  type UserRow,
  updateUser,
} from '../users/users.queries.ts';

function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    agencyId: user.agencyId,
    personnelId: user.personnelId,
    regionCode: user.regionCode,
  };
}

function formatLocalTime(date: Date): string {
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/**
 * Checks a username and password. Five failures in a row lock the account for 30 minutes
 * (configurable); the lock is checked before the password so a locked account cannot be probed.
 */
export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const now = ctx.now();
  const user = await findUserByUsername(ctx.db, input.username);
  if (!user) {
    await verifyPassword(await getDummyHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      `连续登录失败次数过多，账号已锁定，请于 ${formatLocalTime(user.lockedUntil)} 后再试`,
    );
  }
  if (user.disabledAt) throw new AppError('INVALID_CREDENTIALS', '账号已停用，请联系管理员');

  const ok = await verifyPassword(user.passwordHash, input.password);
  const { maxFailures, lockMinutes } = ctx.config.login;
  // The account being logged into is recorded as the actor, so its attempts are found by name.
  const who = { actor: actorOf(user), meta: ctx.meta, now: ctx.now };
  if (!ok) {
    const failures = user.failedLoginCount + 1;
    const locks = failures >= maxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + lockMinutes * 60_000) : null;
    await ctx.db.transaction(async (tx) => {
      await updateUser(tx, user.id, { failedLoginCount: locks ? 0 : failures, lockedUntil });
      await appendAudit(tx, who, {
        action: locks ? 'auth.locked' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        after: { username: user.username, failures },
      });
    });
    if (lockedUntil) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续${maxFailures}次登录失败，账号已锁定${lockMinutes}分钟，请于 ${formatLocalTime(lockedUntil)} 后再试`,
      );
    }
    const left = maxFailures - failures;
    throw new AppError(
      'INVALID_CREDENTIALS',
      `用户名或密码错误，再失败${left}次账号将被锁定${lockMinutes}分钟`,
    );
  }

  const resolved = await resolvePersonalAccount(ctx, user);
  return ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    const session = await createSession(tx, {
      userId: user.id,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      now,
      policy: ctx.config.session,
    });
    await appendAudit(
      tx,
      { actor: null, meta: ctx.meta, now: ctx.now },
      {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        agencyId: resolved.agencyId,
        after: { username: user.username, role: resolved.role },
      },
    );
    return { token: session.token, csrfToken: session.csrfToken, userId: user.id };
  });
}

export async function logout(ctx: AuthedContext, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await appendAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.userId });
  });
}

/** Who is logged in, with role, agency, region and staff posts. */
export async function getMe(ctx: ServiceContext, userId: string): Promise<Me> {
  let row = await findUserProfile(ctx.db, userId);
  if (row?.user.kind === 'personal') {
    const resolved = await resolvePersonalAccount(ctx, row.user);
    if (resolved !== row.user) row = await findUserProfile(ctx.db, userId);
  }
  if (!row) throw new AppError('UNAUTHENTICATED');
  const { user } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    agency: user.agencyId
      ? { id: user.agencyId, name: row.agencyName ?? '', status: row.agencyStatus ?? '' }
      : null,
    region: user.regionCode ? { code: user.regionCode, name: row.regionName ?? user.regionCode } : null,
    posts: row.posts ?? [],
    mustChangePassword: user.mustChangePassword,
    notice: user.role === 'person' ? personWithoutStaffRecordNotice : null,
  };
}

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(
  ctx: AuthedContext,
  input: { currentPassword: string; newPassword: string; sessionId: string },
): Promise<void> {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validationError([{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problem = checkPassword(input.newPassword, user.username);
  if (problem) throw validationError([{ field: 'newPassword', message: passwordProblemMessages[problem] }]);
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw validationError([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: ctx.now() });
    await deleteUserSessions(tx, user.id, input.sessionId);
    await appendAudit(tx, ctx, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      after: { mustChangePassword: false },
    });
  });
}
