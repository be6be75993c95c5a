// A lawyer's row rule over their own cases holds however many cases they have: with more cases
// than SQLite (32,766) or PostgreSQL (65,535) takes parameters in one statement, the registers read
// through that rule still list, count and open what belongs to the lawyer's cases, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, listQuery, totalOf, type TestFayuan } from './support/fayuan.js';

const MANY = 66_000;
let t: TestFayuan;
let lawyerId: number;

beforeAll(async () => {
  t = await startTestFayuan({ cases: 20, plugins: ['case-files'] });
  const { records } = t.fayuan;
  lawyerId = Number((await t.database.db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirstOrThrow()).lawyerId);
  await t.database.db.transaction().execute((trx) => records.seedRows(records.resource('cases'), Array.from({ length: MANY }, (_, i) => ({
    caseNumber: `SCALE-${i}`, applicantName: `受援人${i}`, caseType: 'civil', channel: 'window', status: 'in_progress', applicationDate: '2026-01-05', lawyerId,
  })), trx));
}, 300_000);
afterAll(() => t?.close());

describe("a lawyer's own-cases rule with tens of thousands of cases", () => {
  it('lists and counts the case files of their cases only', async () => {
    const own = await t.database.db.selectFrom('case_files as f').innerJoin('cases as c', 'c.id', 'f.caseId').where('c.lawyerId', '=', lawyerId)
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.api('lawyer', `/api/case-files${listQuery({ range: [0, 9] })}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(totalOf(res)).toBe(Number(own.n));
    const others = await t.database.db.selectFrom('case_files as f').innerJoin('cases as c', 'c.id', 'f.caseId').where('c.lawyerId', '!=', lawyerId).select('f.id').limit(1).executeTakeFirst();
    if (others) expect((await t.api('lawyer', `/api/case-files/${others.id}`)).status).toBe(404);
    expect((await t.api('lawyer', `/api/cases${listQuery({ range: [0, 0] })}`)).headers.get('content-range')).toMatch(new RegExp(`/${MANY + (await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('lawyerId', '=', lawyerId).where('caseNumber', 'not like', 'SCALE-%').executeTakeFirstOrThrow()).n}$`));
  });

  it('keeps the work log of their open cases only, and lists and counts it', async () => {
    const db = t.database.db;
    const open = await db.selectFrom('cases').select('id').where('lawyerId', '=', lawyerId).where('status', '=', 'in_progress').limit(1).executeTakeFirstOrThrow();
    const closed = await db.selectFrom('cases').select('id').where('lawyerId', '=', lawyerId).where('status', 'in', ['closed', 'archived']).limit(1).executeTakeFirst();
    const other = await db.selectFrom('cases').select('id').where('lawyerId', '!=', lawyerId).limit(1).executeTakeFirstOrThrow();
    const entry = (caseId: unknown) => ({ method: 'POST', body: { caseId, kind: 'meeting', occurredAt: '2026-02-01T02:00:00.000Z', place: '中心接待室' } });
    const created = await t.api('lawyer', '/api/case-activities', entry(open.id));
    expect(created.status, await created.clone().text()).toBe(201);
    expect((await t.api('lawyer', '/api/case-activities', entry(other.id))).status).toBe(403);
    if (closed) expect((await t.api('lawyer', '/api/case-activities', entry(closed.id))).status).toBe(403);
    await t.api('admin', '/api/case-activities', entry(other.id));
    const own = await db.selectFrom('case_activities as a').innerJoin('cases as c', 'c.id', 'a.caseId').where('c.lawyerId', '=', lawyerId)
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.api('lawyer', `/api/case-activities${listQuery({ range: [0, 9] })}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(totalOf(res)).toBe(Number(own.n));
    const mine = await t.api('lawyer', `/api/case-activities${listQuery({ filter: { caseId: open.id } })}`);
    expect(((await mine.json()) as { id: number }[]).map((r) => r.id)).toContain(((await created.json()) as { id: number }).id);
  });
});
