import { sql } from 'drizzle-orm';
import { drafts, sessions } from '../src/db/schema.js';
import type { Figure } from './figure.js';
import { inProcessApp } from './in-process.js';
import { median } from './stats.js';

/**
 * List routes must not slow down as a user's history grows: GET /api/drafts for a user with 10
 * drafts vs one with 10,000 (timing, reported), and the query plans of the list queries must not
 * sort (deterministic: an index serves user + newest-first order).
 */
export async function benchLists(): Promise<Figure[]> {
  const small = await inProcessApp({ LOOP_COACH_PROVIDER: 'offline' });
  try {
    const bigUser = (await small.json('/api/auth/guest', { method: 'POST' })) as { token: string; user: { id: string } };
    const me = (await small.json('/api/me', { headers: small.headers })) as { user: { id: string } };
    const now = new Date();
    const rows = (userId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `drf_${String(i).padStart(21, '0')}`.slice(0, 25),
        userId,
        mode: 'employee' as const,
        text: `draft ${i}`,
        createdAt: now,
      }));
    await small.db.insert(drafts).values(rows(me.user.id, 10).map((r) => ({ ...r, id: `${r.id}a` })));
    const many = rows(bigUser.user.id, 10_000);
    for (let i = 0; i < many.length; i += 500) await small.db.insert(drafts).values(many.slice(i, i + 500));

    const time = async (headers: Record<string, string>) => {
      const t0 = performance.now();
      const res = await small.app.request('/api/drafts?limit=20', { headers });
      await res.text();
      return performance.now() - t0;
    };
    const bigHeaders = { authorization: `Bearer ${bigUser.token}` };
    for (let i = 0; i < 100; i++) await time(small.headers);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 500; i++) {
      a.push(await time(small.headers));
      b.push(await time(bigHeaders));
    }
    const ratio = median(b) / median(a);

    const plans: string[] = [];
    for (const table of [drafts, sessions]) {
      const plan = await small.db.all<{ detail: string }>(
        sql`explain query plan select * from ${table} where ${table.userId} = 'x' order by ${table.id} desc limit 21`,
      );
      plans.push(...plan.map((p) => p.detail));
    }
    const sorts = plans.filter((d) => /TEMP B-TREE/i.test(d));
    return [
      {
        name: 'GET /api/drafts, 10,000 vs 10 rows per user',
        value: ratio,
        unit: 'x',
        baseline: `${median(a).toFixed(2)} ms at 10 rows`,
        detail: `${median(b).toFixed(2)} ms at 10,000`,
        bar: '<= 1.5',
        pass: ratio <= 1.5,
        deterministic: false,
      },
      {
        name: 'list query plans that sort instead of using an index',
        value: sorts.length,
        unit: '',
        detail: plans.join('; '),
        bar: '0',
        pass: sorts.length === 0,
        deterministic: true,
      },
    ];
  } finally {
    small.close();
  }
}
