// GET /api/home: the home page's one request. Every count it gives equals the total the list
// answers for the same filter and role (row rules included), each role gets only its own part,
// and each enabled plugin's panel data equals what the plugin's own route answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, totalOf, listQuery, type Role, type TestFayuan } from './support/fayuan.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let t: TestFayuan;
const homeOf = async (role: Role): Promise<Json> => {
  const res = await t.api(role, '/api/home');
  expect(res.status).toBe(200);
  return res.json();
};
const metaOf = async (role: Role): Promise<Json> => (await t.api(role, '/api/meta')).json();
const listTotal = async (role: Role, resource: string, filter: Record<string, unknown>) => {
  const res = await t.api(role, `/api/${resource}${listQuery({ range: [0, 0], filter })}`);
  expect(res.status).toBe(200);
  return totalOf(res);
};

beforeAll(async () => {
  t = await startTestFayuan({ cases: 80, plugins: ['hearing-observation', 'return-visits', 'peer-evaluation'] });
}, 120_000);
afterAll(() => t?.close());

describe('GET /api/home', () => {
  it.each<Role>(['admin', 'supervisor', 'lawyer', 'reviewer'])('gives the %s the totals the lists give, card by card and register by register', async (role) => {
    await t.cookieOf(role); // signed in first: a sign-in is an audit entry, counted in the audit log's total
    const [home, meta] = await Promise.all([homeOf(role), metaOf(role)]);
    expect(Object.keys(home.cards).sort()).toEqual(meta.dashboard.map((card: Json) => card.id).sort());
    for (const card of meta.dashboard) expect(home.cards[card.id], card.id).toBe(await listTotal(role, card.resource, card.filter));
    // Every register the role reads is counted, none other; the settings record is not a register to count.
    const readable = meta.resources.map((r: Json) => r.name).filter((name: string) => name !== 'settings');
    expect(Object.keys(home.registers).sort()).toEqual(readable.sort());
    for (const name of readable) expect(home.registers[name], name).toBe(await listTotal(role, name, {}));
  });

  it("gives the year's indicators to admins and supervisors, the lawyer their own work, and each what their plugins' routes give", async () => {
    const admin = await homeOf('admin');
    const lawyer = await homeOf('lawyer');
    const reviewer = await homeOf('reviewer');
    const year = new Date().getUTCFullYear();
    expect(admin.year).toBe(year);
    expect(admin.indicators).toEqual(await (await t.api('admin', `/api/indicators?year=${year}`)).json());
    expect(admin.mine).toBeNull();
    expect(lawyer.indicators).toBeNull();
    expect(lawyer.mine).toEqual(await (await t.api('lawyer', '/api/indicators/mine')).json());

    expect(admin.plugins['hearing-observation'].plan).toEqual(await (await t.api('admin', '/api/hearing-observations/planning')).json());
    expect(admin.plugins['return-visits']).toEqual({
      summary: await (await t.api('admin', '/api/return-visits/summary')).json(),
      unvisited: await (await t.api('admin', '/api/return-visits/unvisited')).json(),
    });
    const rounds = await (await t.api('admin', `/api/peer-review-rounds${listQuery({ sort: ['id', 'DESC'], range: [0, 9] })}`)).json();
    expect(rounds.length).toBeGreaterThan(0);
    expect(admin.plugins['peer-evaluation'].rounds.map((r: Json) => r.round)).toEqual(rounds);
    for (const { round, actions, progress } of admin.plugins['peer-evaluation'].rounds) {
      const workflow = await (await t.api('admin', `/api/peer-review-rounds/${round.id}/workflow`)).json();
      expect(actions).toEqual(workflow.actions);
      expect(progress).toEqual(await (await t.api('admin', `/api/peer-review-rounds/${round.id}/progress`)).json());
    }
    // What a role may not see is not in its answer: no plans, figures or rounds for a lawyer or reviewer.
    expect(lawyer.plugins).toEqual({});
    expect(Object.keys(reviewer.plugins)).toEqual(['peer-evaluation']);
    expect(reviewer.plugins['peer-evaluation']).toEqual({
      myReviews: await (await t.api('reviewer', `/api/peer-reviews${listQuery({ sort: ['id', 'ASC'], range: [0, 99], filter: { status: 'assigned' } })}`)).json(),
    });
  });

  it('counts a new application on the next request, and refuses a bad year and an anonymous caller', async () => {
    const before = await homeOf('admin');
    const created = await t.api('admin', '/api/cases', { method: 'POST', body: { applicantName: '首页计数', caseType: 'civil', channel: 'window', applicationDate: '2026-03-01' } });
    expect(created.status).toBe(201);
    const after = await homeOf('admin');
    expect(after.cards.applications).toBe(before.cards.applications + 1);
    expect(after.registers.cases).toBe(before.registers.cases + 1);
    expect((await t.api('admin', '/api/home?year=9999')).status).toBe(400);
    expect((await t.api(null, '/api/home')).status).toBe(401);
  });
});
