import { randomBytes } from 'node:crypto';
import { users } from '../modules/users/users.tables.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { Platform } from '../platform/platform.ts';
import { isDatabaseEmpty } from './demo.ts';

/**
 * On an empty production database: one administrator `admin` whose initial password comes from
 * ADMIN_INITIAL_PASSWORD or is generated and returned once; it must be changed at first login.
 */
export async function ensureInitialAdmin(
  platform: Platform,
  initialPassword?: string,
): Promise<string | null> {
  if (!(await isDatabaseEmpty(platform.db))) return null;
  const password = initialPassword || `${randomBytes(9).toString('base64url')}#A1`;
  const passwordHash = await hashPassword(password);
  await platform.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
        role: 'sysadmin',
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await appendAudit(
      tx,
      { actor: null, meta: { ip: null, userAgent: 'bootstrap', requestId: null }, now: platform.now },
      {
        action: 'system.admin_created',
        targetType: 'user',
        targetId: row?.id ?? null,
        after: { username: 'admin' },
      },
    );
  });
  return password;
}
