import { eq, sql } from 'drizzle-orm';
import { users } from '../../server/src/modules/users/users.tables.ts';
import { sessions } from '../../server/src/platform/auth/sessions.tables.ts';
import { demoPassword, seedDemoData } from '../../server/src/seed/demo.ts';
import { type Figure, isGeneratedDatabase, openBenchEnv, timeIt } from '../support.ts';

/**
 * GET /api/v1/auth/me (session lookup, access rule, profile query, serialisation) against the
 * same two queries run directly: what the request plumbing costs on top of the database.
 */
export async function benchAuthMe(): Promise<Figure[]> {
  const env = await openBenchEnv();
  try {
    // The generated million (bench:data) is kept: truncating agencies would cascade to it.
    if (await isGeneratedDatabase()) {
      const [demo] = await env.platform.db.select().from(users).where(eq(users.username, 'agency_admin'));
      if (!demo) await seedDemoData(env.platform);
    } else {
      await env.platform.db.execute(sql`truncate sessions, audit_log, users, personnel, agencies cascade`);
      await seedDemoData(env.platform);
    }
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'agency_admin', password: demoPassword },
    });
    const cookie = res.cookies.find((c) => c.name === 'eco_sid');
    if (!cookie) throw new Error('login failed');
    const [session] = await env.platform.db.select().from(sessions).limit(1);
    if (!session) throw new Error('no session');
    const n = 500;
    const api = await timeIt(n, () =>
      env.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `eco_sid=${cookie.value}` },
      }),
    );
    const raw = await timeIt(n, async () => {
      await env.platform.db
        .select()
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, session.id));
      await env.platform.db.execute(
        sql`select u.*, a.name, a.status, r.name, p.posts from users u left join agencies a on a.id = u.agency_id left join regions r on r.code = u.region_code left join personnel p on p.id = u.personnel_id where u.id = ${session.userId}`,
      );
    });
    return [
      {
        id: 'auth.me',
        db: env.database.kind,
        n,
        api_p95_ms: api.p95,
        raw_p95_ms: raw.p95,
        ratio: Number((api.p95 / raw.p95).toFixed(2)),
      },
    ];
  } finally {
    await env.close();
  }
}
