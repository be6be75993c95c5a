// The composite indexes the case lists need (declared on the register, made by the migration),
// and no `where 1 = 1` placeholder for an empty filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { listQuery, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';
import { filterParts } from '../api/rest/list-query.js';
import { tableName } from '../api/resources/define.js';
import { loadSettings } from '../api/settings/settings.js';
import { addDays, today } from '../api/calendar.js';
import { systemActor } from '../api/rest/audit.js';
import { coreResources } from '../api/resources/index.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 60 });
});
afterAll(() => t?.close());

const cases = coreResources.find((r) => r.name === 'cases')!;

describe('the lists’ indexes', () => {
  it('declares and makes the indexes of the daily lists, the row rule’s column first', async () => {
    const declared = (cases.indexes ?? []).map((c) => c.join(','));
    for (const wanted of ['caseType,status,applicationDate', 'lawyerId,caseType,status,applicationDate', 'status,acceptedAt']) expect(declared).toContain(wanted);
    const { db, dialect } = t.database;
    const names = dialect === 'postgres'
      ? (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'cases'`.execute(db)).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'cases'`.execute(db)).rows;
    expect(names.map((r) => r.name)).toEqual(expect.arrayContaining(['cases_caseType_status_applicationDate_idx', 'cases_lawyerId_caseType_status_applicationDate_idx', 'cases_status_acceptedAt_idx']));
  });

  it('answers criminal + closed, newest first, from the index without sorting (SQLite)', async () => {
    if (t.dialect !== 'sqlite') return;
    const plan = async (text: string) => (await sql.raw<{ detail: string }>(`explain query plan ${text}`).execute(t.database.db)).rows.map((r) => r.detail).join(' | ');
    const page = await plan(`select * from cases where "caseType" = 'criminal' and status = 'closed' order by "applicationDate" desc, id desc limit 25`);
    expect(page).toContain('cases_caseType_status_applicationDate_idx');
    expect(page).not.toContain('TEMP B-TREE');
    const own = await plan(`select * from cases where "lawyerId" = 1 and "caseType" = 'criminal' and status = 'closed' order by "applicationDate" desc, id desc limit 25`);
    expect(own).toContain('cases_lawyerId_caseType_status_applicationDate_idx');
    expect(own).not.toContain('TEMP B-TREE');
    expect(await plan(`select count(*) from cases where "caseType" = 'criminal' and status = 'closed'`)).toMatch(/COVERING INDEX/);
  });

  it('counts the overdue consultation replies (the home page alert) from an index (SQLite)', async () => {
    if (t.dialect !== 'sqlite') return;
    const consultations = coreResources.find((r) => r.name === 'consultations')!;
    const [where] = consultations.virtualFilters!.overdue.anyOf(expressionBuilder<any, any>(), { today: '2026-06-01' } as never);
    const query = t.database.db.selectFrom('consultations').where(where).select((eb) => eb.fn.countAll().as('n')).compile();
    const { rows } = await sql.raw<{ detail: string }>(`explain query plan ${query.sql.replace('?', "'2026-06-01'")}`).execute(t.database.db);
    expect(rows.map((r) => r.detail).join(' | ')).toContain('consultations_repliedAt_replyDueDate_idx');
  });

  it('has no condition at all for an empty filter', () => {
    expect(filterParts(cases, {}, t.dialect)(expressionBuilder<any, any>())).toEqual([]);
    expect(filterParts(cases, { q: '  ' }, t.dialect)(expressionBuilder<any, any>())).toEqual([]);
  });
});

describe('a virtual filter’s total', () => {
  it('is counted branch by branch, and the branches of every declared virtual filter are disjoint on the demo centre', async () => {
    const { db } = t.database;
    const context = { settings: await loadSettings(db), today: today() };
    // One case late in each branch of the overdue filter, whatever today's demo drew: one still
    // under review past its review days, one accepted and not assigned past its assignment days.
    const late = (days: unknown) => addDays(context.today, -Number(days) - 5);
    const [review, assign] = await db.selectFrom('cases').select('id').where('status', 'in', ['applied', 'reviewing']).orderBy('id').limit(2).execute();
    const records = t.fayuan.records;
    await records.change(records.resource('cases'), Number(review.id), systemActor, { action: 'update', plan: () => ({ status: 'reviewing', applicationDate: late(context.settings.reviewDays) }) });
    await records.change(records.resource('cases'), Number(assign.id), systemActor, {
      action: 'update',
      plan: () => ({ status: 'accepted', applicationDate: late(Number(context.settings.assignDays) + 1), acceptedAt: `${late(context.settings.assignDays)}T02:00:00.000Z` }),
    });
    const eb = expressionBuilder<any, any>();
    const countOf = async (table: string, where: Expression<SqlBool>) =>
      Number((await db.selectFrom(table).where(where).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const branched: string[] = [];
    for (const resource of t.fayuan.resources) {
      for (const [key, filter] of Object.entries(resource.virtualFilters ?? {})) {
        const table = tableName(resource);
        const branches = filter.anyOf(eb, context);
        const any = await countOf(table, eb.or(branches));
        const each = await Promise.all(branches.map((branch) => countOf(table, branch)));
        expect(each.reduce((a, b) => a + b, 0), `${resource.name}.${key}`).toBe(any);
        const res = await t.api('admin', `/api/${resource.name}${listQuery({ filter: { [key]: true }, range: [0, 0] })}`);
        expect(res.status).toBe(200);
        expect(totalOf(res), `${resource.name}.${key}`).toBe(any);
        if (each.filter((n) => n > 0).length > 1) branched.push(`${resource.name}.${key}`);
      }
    }
    // Not vacuous: the overdue cases are found by both branches (late review, late assignment).
    expect(branched).toContain('cases.overdue');
  });
});
