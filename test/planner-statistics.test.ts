// After a bulk load PostgreSQL gets its planner statistics, and a small table the load updated over
// and over is rewritten to the pages its rows need (every scan of it read the empty ones); SQLite's
// planner is left to the declared indexes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshPlannerStatistics } from '../api/db/planner-statistics.js';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 0 });
});
afterAll(async () => t?.close());

describe('planner statistics after a bulk load', () => {
  it('compacts a small table left mostly empty by repeated updates, and leaves a compact one as it is', async () => {
    const { db, dialect } = t.database;
    await sql`create table churned (id integer primary key, n integer not null)`.execute(db);
    await sql`create table steady (id integer primary key, n integer not null)`.execute(db);
    for (const table of ['churned', 'steady']) {
      await sql`with recursive s(i) as (select 1 union all select i + 1 from s where i < 2000) insert into ${sql.table(table)} (id, n) select i, 0 from s`.execute(db);
    }
    const fileOf = async (table: string) => (dialect === 'postgres' ? (await sql<{ file: number }>`select pg_relation_filenode(${table}) as file`.execute(db)).rows[0].file : null);
    const files = { churned: await fileOf('churned'), steady: await fileOf('steady') };
    // As a seed's batches update the same tally rows: every update a new row version.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) await sql`update churned set n = n + 1`.execute(trx);
    });
    await refreshPlannerStatistics(db, dialect);
    if (dialect === 'postgres') {
      const pages = async (table: string) => Number((await sql<{ pages: number }>`select pg_relation_size(${table}) / 8192 as pages`.execute(db)).rows[0].pages);
      // 2,000 rows of two integers fit in about 11 pages; 41 versions of each had filled over 400.
      expect(await pages('churned')).toBeLessThanOrEqual(12);
      expect(await pages('steady')).toBeLessThanOrEqual(12);
      // Only the churned table was rewritten; both have their statistics.
      expect(await fileOf('churned')).not.toBe(files.churned);
      expect(await fileOf('steady')).toBe(files.steady);
      const { rows } = await sql<{ name: string; analyzed: boolean }>`
        select relname as name, last_analyze is not null as analyzed from pg_stat_user_tables where schemaname = current_schema() and relname in ('churned', 'steady') order by relname`.execute(db);
      expect(rows).toEqual([{ name: 'churned', analyzed: true }, { name: 'steady', analyzed: true }]);
    } else {
      const { rows } = await sql`select name from sqlite_master where name = 'sqlite_stat1'`.execute(db);
      expect(rows).toEqual([]);
    }
    expect(Number((await sql<{ n: number }>`select sum(n) as n from churned`.execute(db)).rows[0].n)).toBe(80_000);
  });
});
