import { randomInt, timingSafeEqual } from 'node:crypto';
import { maskMobile, type SmsCodeSent, type SmsPurpose, smsPurposeLabels } from '@eco/contracts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { AppError, validationError } from '../errors.ts';
import { selectSmsGateway } from './gateway.ts';
import {
  countCodesForIpSince,
  countCodesForMobileSince,
  findLatestCodeForMobile,
  findLatestOpenCode,
  incrementAttempts,
  insertCode,
  lockMobile,
  markCodeConsumed,
} from './sms.queries.ts';

const hourMs = 3600_000;
const dayMs = 24 * hourMs;

function hashCode(ctx: Pick<ServiceContext, 'pii'>, mobile: string, purpose: string, code: string): string {
  return ctx.pii.lookupHash(`sms-code:${purpose}:${mobile}:${code}`);
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sends a 6-digit code to a mobile number for one purpose. At most one per number per minute and
 * 10 per day (any purpose), and a per-IP hourly limit; the code is stored only as a keyed hash.
 */
export async function requestSmsCode(
  ctx: ServiceContext,
  input: { mobile: string; purpose: SmsPurpose },
): Promise<SmsCodeSent> {
  const { sms } = ctx.config;
  const mobileHash = ctx.pii.lookupHash(input.mobile);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.now();

  await ctx.db.transaction(async (tx) => {
    await lockMobile(tx, mobileHash);
    const latest = await findLatestCodeForMobile(tx, mobileHash);
    if (latest) {
      const waitMs = latest.createdAt.getTime() + sms.resendSeconds * 1000 - now.getTime();
      if (waitMs > 0) {
        throw new AppError('RATE_LIMITED', `验证码已发送，请${Math.ceil(waitMs / 1000)}秒后再试`);
      }
    }
    const today = await countCodesForMobileSince(tx, mobileHash, new Date(now.getTime() - dayMs));
    if (today >= sms.perNumberPerDay) {
      throw new AppError(
        'RATE_LIMITED',
        `该手机号24小时内获取验证码已达${sms.perNumberPerDay}次，请明天再试`,
      );
    }
    const ip = ctx.meta.ip;
    if (ip && (await countCodesForIpSince(tx, ip, new Date(now.getTime() - hourMs))) >= sms.ipLimitPerHour) {
      throw new AppError('RATE_LIMITED', '当前网络获取验证码过于频繁，请1小时后再试');
    }
    const row = await insertCode(tx, {
      mobileHash,
      purpose: input.purpose,
      codeHash: hashCode(ctx, input.mobile, input.purpose, code),
      ip,
      createdAt: now,
      expiresAt: new Date(now.getTime() + sms.codeTtlMinutes * 60_000),
    });
    await appendAudit(tx, ctx, {
      action: 'sms.code_sent',
      targetType: 'sms_code',
      targetId: row.id,
      after: { mobile: maskMobile(input.mobile), purpose: input.purpose },
    });
  });

  const gateway = selectSmsGateway(ctx.config, ctx);
  const body = `【四川省生态环境监测业务管理平台】您的${smsPurposeLabels[input.purpose]}验证码为${code}，${sms.codeTtlMinutes}分钟内有效。如非本人操作，请忽略本短信。`;
  try {
    await gateway.send({ mobile: input.mobile, body, purpose: input.purpose });
  } catch (error) {
    ctx.log.error({ err: error, gateway: gateway.name }, 'sms send failed');
    throw new AppError('UNAVAILABLE', '短信发送失败，请稍后重试');
  }
  return {
    mobileMasked: maskMobile(input.mobile),
    expiresInSeconds: sms.codeTtlMinutes * 60,
    resendInSeconds: sms.resendSeconds,
  };
}

export type VerifiedSmsCode = { codeId: string };

/**
 * Checks a code against the newest one sent to the number for this purpose. A wrong code counts
 * (committed at once, so the count survives the caller's failed transaction); after the last
 * allowed try the code is dead. The caller consumes it with `consumeSmsCode` in its transaction.
 * Errors name the form field `smsCode` so they land under the input.
 */
export async function verifySmsCode(
  ctx: ServiceContext,
  input: { mobile: string; purpose: SmsPurpose; code: string },
): Promise<VerifiedSmsCode> {
  const { sms } = ctx.config;
  const refuse = (message: string) => validationError([{ field: 'smsCode', message }], message);
  const mobileHash = ctx.pii.lookupHash(input.mobile);
  const row = await findLatestOpenCode(ctx.db, mobileHash, input.purpose);
  if (!row) throw refuse('请先获取短信验证码');
  if (row.attempts >= sms.maxAttempts) throw refuse('验证码错误次数过多，请重新获取');
  if (ctx.now() >= row.expiresAt) throw refuse('验证码已过期，请重新获取');
  if (!sameHash(row.codeHash, hashCode(ctx, input.mobile, input.purpose, input.code))) {
    const attempts = await incrementAttempts(ctx.db, row.id);
    const left = sms.maxAttempts - attempts;
    throw refuse(left > 0 ? `验证码错误，还可尝试${left}次` : '验证码错误次数过多，请重新获取');
  }
  return { codeId: row.id };
}

/** Uses up a verified code inside the caller's transaction; a code works once. */
export async function consumeSmsCode(tx: Db, now: Date, verified: VerifiedSmsCode): Promise<void> {
  if (!(await markCodeConsumed(tx, verified.codeId, now))) {
    throw validationError([{ field: 'smsCode', message: '验证码已使用，请重新获取' }]);
  }
}
