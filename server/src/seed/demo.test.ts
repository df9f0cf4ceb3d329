import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, rowsOf, type TestEnv } from '../../test/harness.ts';
import { demoAccounts, demoPassword, isDatabaseEmpty, seedDemoData } from './demo.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('demo data', () => {
  it('gives every demo account a working login with the right role and scope', async () => {
    expect(await isDatabaseEmpty(env.platform.db)).toBe(true);
    await seedDemoData(env.platform);
    expect(await isDatabaseEmpty(env.platform.db)).toBe(false);
    for (const account of demoAccounts) {
      const s = await login(env.app, account.username, demoPassword);
      expect(s.user.role).toBe(account.role);
      expect(s.user.mustChangePassword).toBe(false);
    }
    const sampler = await login(env.app, 'sampler', demoPassword);
    expect(sampler.user).toMatchObject({ agency: { name: '四川蜀环检测技术有限公司' }, posts: ['sampler'] });
    const cd = await login(env.app, 'regulator_cd', demoPassword);
    expect(cd.user.region).toEqual({ code: '510100', name: '成都市' });
  });

  it('stores ID numbers and mobiles only encrypted and masked', async () => {
    const rows = rowsOf<Record<string, string>>(
      await env.platform.db.execute(
        sql`select id_number_enc, id_number_masked, mobile_masked from personnel`,
      ),
    );
    expect(rows.length).toBe(4);
    for (const r of rows) {
      expect(r.id_number_enc).toMatch(/^a1:/);
      expect(r.id_number_masked).toMatch(/^5\*{15}[0-9X]{2}$/);
      expect(r.mobile_masked).toMatch(/^138\*{4}\d{4}$/);
    }
  });
});
