// A connection the database server ends while it sits idle in the pool (a restart, an operator's
// pg_terminate_backend, a dropped network) is replaced: the next request works and the process lives.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5 });
});
afterAll(() => t?.close());

describe('database connections', () => {
  it('survives the server ending an idle connection, and answers the next request', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      if (t.dialect === 'postgres') {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t.database.db);
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        try {
          const ended = await admin.query('select pg_terminate_backend($1) as ended', [rows[0].pid]);
          expect(ended.rows[0].ended).toBe(true);
        } finally {
          await admin.end();
        }
        await new Promise((resolve) => setTimeout(resolve, 300)); // the pool hears of it
      }
      const res = await t.api('admin', '/api/cases?range=[0,4]');
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBe(5);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });
});
