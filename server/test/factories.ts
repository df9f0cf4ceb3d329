import { randomInt } from 'node:crypto';
import { computeCreditCodeCheckChar, computeIdNumberCheckChar, type Role } from '@eco/contracts';
import { agencies } from '../src/modules/agencies/agencies.tables.ts';
import { users } from '../src/modules/users/users.tables.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import type { Platform } from '../src/platform/platform.ts';
import { login, type Session, type TestEnv } from './harness.ts';

export const testPassword = 'Test#Pass2026';
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function randomCreditCode(regionCode = '510104'): string {
  let body = `91${regionCode}`;
  while (body.length < 17) body += alphabet.charAt(randomInt(alphabet.length));
  return body + computeCreditCodeCheckChar(body);
}

/** A birth date between 1960 and 1999 (day 1–28), so two random staff rarely share date and sequence. */
function randomBirth(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${1960 + randomInt(40)}${pad(1 + randomInt(12))}${pad(1 + randomInt(28))}`;
}

/** A valid 身份证号: random birth date and sequence unless given (1 in ~13 million collide). */
export function randomIdNumber(regionCode = '510104', birth = randomBirth()): string {
  const first17 = `${regionCode}${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckChar(first17);
}

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function buildAgency(
  platform: Platform,
  overrides: Partial<typeof agencies.$inferInsert> = {},
): Promise<typeof agencies.$inferSelect> {
  const regionCode = overrides.regionCode ?? '510104';
  const [row] = await platform.db
    .insert(agencies)
    .values({
      name: `测试检测机构${unique('')}`,
      creditCode: randomCreditCode(regionCode),
      regionCode,
      status: 'approved',
      industryCategories: ['hazardous_waste_identification'],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('agency not created');
  return row;
}

export async function buildUser(
  platform: Platform,
  input: {
    role: Role;
    agencyId?: string | null;
    regionCode?: string | null;
    personnelId?: string | null;
    username?: string;
    password?: string;
    mustChangePassword?: boolean;
  },
): Promise<typeof users.$inferSelect & { password: string }> {
  const password = input.password ?? testPassword;
  const [row] = await platform.db
    .insert(users)
    .values({
      username: input.username ?? unique('u_'),
      displayName: `测试用户${seq}`,
      passwordHash: await hashPassword(password),
      role: input.role,
      agencyId: input.agencyId ?? null,
      personnelId: input.personnelId ?? null,
      regionCode: input.regionCode ?? (input.role === 'regulator' ? '510000' : null),
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning();
  if (!row) throw new Error('user not created');
  return { ...row, password };
}

/** A user of any role, logged in: its id and a session for app.inject. */
export async function buildSignedInUser(
  env: TestEnv,
  input: Parameters<typeof buildUser>[1],
): Promise<{ id: string; session: Session }> {
  const user = await buildUser(env.platform, input);
  return { id: user.id, session: await login(env.app, user.username, user.password) };
}
