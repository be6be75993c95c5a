// The case's life through the HTTP API and the real database (SQLite, or PostgreSQL when
// DATABASE_URL names one): every action from every state, who may act, what each action
// must carry, the means test and the assignment rules as guards, the PUT guard on the
// fields only transitions may change, the art. 43 deadlines and the overdue filter, and
// racing requests. The rules themselves are unit-tested in case-rules.test.ts; here every
// fixture (firms, lawyers, cases, complaints) is made through the API as the admin, with
// exactly the attributes the rule under test needs, and dates are computed from today (UTC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, today } from '../api/calendar.js';
import { assignDueDate, reviewDueDate } from '../api/cases/deadlines.js';
import { listQuery, startTestFayuan, totalOf, type Role, type TestFayuan } from './support/fayuan.js';

type Row = Record<string, any>;

const STATES = [
  'applied', 'reviewing', 'accepted', 'rejected', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'terminated',
] as const;
type State = (typeof STATES)[number];

const ACTIONS = ['review', 'accept', 'reject', 'assign', 'start', 'submit-closing', 'return-closing', 'close', 'archive', 'terminate'] as const;
type Action = (typeof ACTIONS)[number];

// Written out from the domain brief ("The case's life"), independently of lifecycle.ts.
const MOVES: Record<Action, { from: State[]; to: State; stamps: string | null }> = {
  review: { from: ['applied'], to: 'reviewing', stamps: null },
  accept: { from: ['reviewing'], to: 'accepted', stamps: 'acceptedAt' },
  reject: { from: ['reviewing'], to: 'rejected', stamps: null },
  assign: { from: ['accepted'], to: 'assigned', stamps: 'assignedAt' },
  start: { from: ['assigned'], to: 'in_progress', stamps: null },
  'submit-closing': { from: ['in_progress'], to: 'closing_submitted', stamps: null },
  'return-closing': { from: ['closing_submitted'], to: 'in_progress', stamps: null },
  close: { from: ['closing_submitted'], to: 'closed', stamps: 'closedAt' },
  archive: { from: ['closed'], to: 'archived', stamps: 'archivedAt' },
  terminate: { from: ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted'], to: 'terminated', stamps: null },
};

/** The Chinese names the console shows (domain brief). */
const STATE_ZH: Record<State, string> = {
  applied: '申请', reviewing: '审查', accepted: '受理', rejected: '不予受理', assigned: '指派',
  in_progress: '承办', closing_submitted: '提交结案', closed: '结案', archived: '归档', terminated: '终止',
};
const ACTION_ZH: Record<Action, string> = {
  review: '开始审查', accept: '受理', reject: '不予受理', assign: '指派', start: '开始承办',
  'submit-closing': '提交结案', 'return-closing': '退回结案申请', close: '结案', archive: '归档', terminate: '终止',
};

const STAMPS = ['acceptedAt', 'assignedAt', 'closedAt', 'archivedAt'] as const;

/** Legal Aid Law art. 48, as the brief lists the grounds. */
const TERMINATION_GROUNDS = [
  'fraud', 'concealment', 'illegal_use', 'finances_improved', 'proceedings_ended', 'own_lawyer', 'client_request', 'other_statutory',
];

const TODAY = today();
const YESTERDAY = addDays(TODAY, -1);
const TOMORROW = addDays(TODAY, 1);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same month and day `years` years before (29 February falls on 28 February in a common year). */
function yearsBefore(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) - years;
  const monthDay = iso.slice(5, 10);
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`;
}

let t: TestFayuan;
let counter = 0;
/** A fresh 17-digit practising certificate number (issue #10 checks the format). */
const licenceNumber = () => `1331020${String(Date.now() % 1e6).padStart(6, '0')}${String(counter++ % 10000).padStart(4, '0')}`;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

async function call(role: Role | null, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: any }> {
  const res = await t.api(role, path, { method, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

async function create(resource: string, record: Row): Promise<Row> {
  const res = await call('admin', `/api/${resource}`, 'POST', record);
  if (res.status !== 201) throw new Error(`creating ${resource} ${JSON.stringify(record)} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function getCase(id: number): Promise<Row> {
  const res = await call('admin', `/api/cases/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

function act(id: number, action: string, payload: unknown = {}, role: Role = 'admin') {
  return call(role, `/api/cases/${id}/transitions/${action}`, 'POST', payload);
}

async function workflow(id: number, role: Role = 'admin'): Promise<Row> {
  const res = await call(role, `/api/cases/${id}/workflow`);
  expect(res.status).toBe(200);
  return res.body;
}

async function auditOf(id: number, action?: string): Promise<Row[]> {
  const filter: Row = { resource: 'cases', recordId: String(id) };
  if (action) filter.action = action;
  const res = await call('admin', `/api/audit-log${listQuery({ filter, range: [0, 999], sort: ['id', 'ASC'] })}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Ids of every case in the list for the filter, as admin. */
async function listedIds(filter: Row): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let start = 0; ; start += 1000) {
    const res = await t.api('admin', `/api/cases${listQuery({ filter, range: [start, start + 999], sort: ['id', 'ASC'] })}`);
    expect(res.status).toBe(200);
    const rows = (await res.json()) as Row[];
    for (const row of rows) ids.add(Number(row.id));
    if (rows.length < 1000) return ids;
  }
}

async function putSettings(changes: Row): Promise<void> {
  const res = await call('admin', '/api/settings/1', 'PUT', changes);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Runs the body with some settings changed, and puts the previous values back afterwards. */
async function withSettings(changes: Row, body: () => Promise<void>): Promise<void> {
  const before = (await call('admin', '/api/settings/1')).body as Row;
  await putSettings(changes);
  try {
    await body();
  } finally {
    await putSettings(Object.fromEntries(Object.keys(changes).map((k) => [k, before[k]])));
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/** An adult civil applicant with an income well below the hardship threshold (900 × 2). */
function applicant(extra: Row = {}): Row {
  return {
    applicantName: `测试申请人${unique().slice(-4)}`,
    caseType: 'civil',
    causeOfAction: '劳务合同纠纷',
    channel: 'window',
    applicationDate: TODAY,
    applicantBirthDate: yearsBefore(TODAY, 40),
    householdMonthlyIncome: 500,
    ...extra,
  };
}

async function createCase(extra: Row = {}): Promise<Row> {
  return create('cases', applicant(extra));
}

const firm: Record<string, Row> = {};
const lawyer: Record<string, Row> = {};
let demoLawyerId: number;
let demoCases: Row[] = [];

const PAYLOADS: Record<Action, () => Row> = {
  review: () => ({}),
  accept: () => ({}),
  reject: () => ({ reason: '申请人家庭经济状况不符合经济困难标准' }),
  assign: () => ({ lawyerId: lawyer.standard.id }),
  start: () => ({}),
  'submit-closing': () => ({}),
  'return-closing': () => ({ reason: '缺少会见笔录' }),
  close: () => ({ outcome: '调解结案，被申请人支付劳动报酬', amountRecovered: 12000 }),
  archive: () => ({}),
  terminate: () => ({ reason: 'own_lawyer', note: '受援人已自行委托律师' }),
};

/** The real transitions that take a new case from `applied` to each state. */
const ROUTE: Record<State, Action[]> = {
  applied: [],
  reviewing: ['review'],
  accepted: ['review', 'accept'],
  rejected: ['review', 'reject'],
  assigned: ['review', 'accept', 'assign'],
  in_progress: ['review', 'accept', 'assign', 'start'],
  closing_submitted: ['review', 'accept', 'assign', 'start', 'submit-closing'],
  closed: ['review', 'accept', 'assign', 'start', 'submit-closing', 'close'],
  archived: ['review', 'accept', 'assign', 'start', 'submit-closing', 'close', 'archive'],
  terminated: ['terminate'],
};

/** A new case driven from `applied` to the state by the admin's transitions. */
async function caseIn(state: State, extra: Row = {}, payloads: Partial<Record<Action, Row>> = {}): Promise<Row> {
  let row = await createCase(extra);
  expect(row.status).toBe('applied');
  for (const action of ROUTE[state]) {
    const res = await act(row.id, action, payloads[action] ?? PAYLOADS[action]());
    if (res.status !== 200) throw new Error(`driving case ${row.id} to ${state}: ${action} answered ${res.status}: ${JSON.stringify(res.body)}`);
    row = res.body;
  }
  expect(row.status).toBe(state);
  return row;
}

function within(stamp: unknown, start: number, end: number) {
  const at = Date.parse(String(stamp));
  expect(at, `stamp ${String(stamp)}`).toBeGreaterThanOrEqual(start - 1000);
  expect(at, `stamp ${String(stamp)}`).toBeLessThanOrEqual(end + 1000);
}

/** A refusal that leaves the case exactly as it was and writes no transition entry. */
async function expectUnchanged(before: Row) {
  const after = await getCase(before.id);
  expect(after.version).toBe(before.version);
  expect(after.status).toBe(before.status);
  for (const field of [...STAMPS, 'lawyerId', 'assignmentMethod', 'decisionReason', 'terminationGround', 'outcome']) {
    expect(after[field], field).toEqual(before[field]);
  }
}

async function transitionCount(id: number): Promise<number> {
  return (await auditOf(id)).filter((e) => String(e.action).startsWith('transition:')).length;
}

beforeAll(async () => {
  // The full demo centre (600 cases, as `npm run seed` loads it), so the demo checks see it whole.
  t = await startTestFayuan({ cases: 600 });
  for (const role of ['admin', 'supervisor', 'lawyer', 'reviewer'] as Role[]) await t.cookieOf(role);

  const all = await call('admin', `/api/cases${listQuery({ range: [0, 999], sort: ['id', 'ASC'] })}`);
  demoCases = all.body;

  const meta = await call('lawyer', '/api/meta');
  demoLawyerId = Number(meta.body.user.lawyerId);

  const firmOf = (name: string, extra: Row) => create('law-firms', { name: `${name}律师事务所${unique()}`, licenseNo: `F${unique()}`, ...extra });
  const contracted = { isContracted: true, contractStart: addDays(TODAY, -365), contractEnd: addDays(TODAY, 365) };
  firm.contracted = await firmOf('合同期内', contracted);
  firm.uncontracted = await firmOf('未签约', { isContracted: false });
  firm.endedYesterday = await firmOf('合同昨日到期', { ...contracted, contractEnd: YESTERDAY });
  firm.endsToday = await firmOf('合同今日到期', { ...contracted, contractEnd: TODAY });
  firm.startsTomorrow = await firmOf('合同明日生效', { ...contracted, contractStart: TOMORROW });

  const lawyerOf = (name: string, extra: Row) => create('lawyers', {
    name, licenseNo: licenceNumber(), lawyerType: 'practising', lawFirmId: firm.contracted.id,
    practiceStartDate: yearsBefore(TODAY, 10), specialties: ['labour', 'criminal'], active: true, ...extra,
  });
  const threeYears = yearsBefore(TODAY, 3);
  lawyer.standard = await lawyerOf('常规律师', {});
  lawyer.threeYears = await lawyerOf('执业满三年', { practiceStartDate: threeYears });
  lawyer.threeYearsLessADay = await lawyerOf('执业差一天满三年', { practiceStartDate: addDays(threeYears, 1) });
  lawyer.noPracticeDate = await lawyerOf('未登记执业日期', { practiceStartDate: null });
  lawyer.minorsSpecialist = await lawyerOf('未成年人专长', { specialties: ['minors', 'family'] });
  lawyer.notMinorsSpecialist = await lawyerOf('无未成年人专长', { specialties: ['family', 'labour'] });
  lawyer.inactive = await lawyerOf('不在岗律师', { active: false });
  lawyer.uncontracted = await lawyerOf('未签约所律师', { lawFirmId: firm.uncontracted.id });
  lawyer.endedYesterday = await lawyerOf('合同到期所律师', { lawFirmId: firm.endedYesterday.id });
  lawyer.endsToday = await lawyerOf('合同今日到期所律师', { lawFirmId: firm.endsToday.id });
  lawyer.startsTomorrow = await lawyerOf('合同未生效所律师', { lawFirmId: firm.startsTomorrow.id });
  lawyer.legalAid = await lawyerOf('法援中心律师', { lawyerType: 'legal_aid', lawFirmId: null });
  lawyer.complainedOf = await lawyerOf('被投诉律师', {});
  lawyer.everythingWrong = await lawyerOf('多项不符律师', { active: false, lawFirmId: firm.uncontracted.id, practiceStartDate: addDays(TODAY, -30), specialties: [] });
}, 300_000);

afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------

describe('the demo centre', () => {
  it('holds cases in every one of the ten states', async () => {
    const demoIds = new Set(demoCases.map((c) => Number(c.id)));
    for (const state of STATES) {
      const ids = await listedIds({ status: state });
      expect([...ids].filter((id) => demoIds.has(id)).length, state).toBeGreaterThan(0);
    }
  });

  it('holds overdue applications and overdue acceptances, and the overdue filter agrees with each case\'s deadline', async () => {
    const demoIds = new Set(demoCases.map((c) => Number(c.id)));
    const overdue = await listedIds({ overdue: true });
    const overdueDemo = demoCases.filter((c) => overdue.has(Number(c.id)));
    expect(overdueDemo.filter((c) => c.status === 'applied' || c.status === 'reviewing').length).toBeGreaterThan(0);
    expect(overdueDemo.filter((c) => c.status === 'accepted').length).toBeGreaterThan(0);
    // Every open application or acceptance: the filter and /workflow tell the same story.
    for (const c of demoCases.filter((row) => ['applied', 'reviewing', 'accepted'].includes(row.status))) {
      const deadline = (await workflow(c.id)).deadline;
      expect(deadline.kind).toBe(c.status === 'accepted' ? 'assign' : 'review');
      expect(deadline.overdue, `case ${c.id} (${c.status})`).toBe(overdue.has(Number(c.id)));
    }
    for (const id of overdue) if (demoIds.has(id)) expect(['applied', 'reviewing', 'accepted']).toContain(demoCases.find((c) => c.id === id)!.status);
  });

  it('combines the status filter with the overdue filter', async () => {
    const overdue = await listedIds({ overdue: true });
    const reviewing = await listedIds({ status: 'reviewing' });
    const both = await listedIds({ status: 'reviewing', overdue: true });
    expect([...both].sort()).toEqual([...overdue].filter((id) => reviewing.has(id)).sort());
  });
});

// ---------------------------------------------------------------------------------------------

describe('every action from every state, through the API', () => {
  for (const state of STATES) {
    describe(`a case that is ${state}`, () => {
      for (const action of ACTIONS) {
        const move = MOVES[action];
        if (move.from.includes(state)) {
          it(`lets the admin ${action} it: 200, status ${move.to}, ${move.stamps ?? 'no timestamp'} stamped, audited as transition:${action}`, async () => {
            const before = await caseIn(state);
            const entriesBefore = await auditOf(before.id, `transition:${action}`);
            const start = Date.now();
            const res = await act(before.id, action, PAYLOADS[action]());
            const end = Date.now();
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect(res.body.status).toBe(move.to);
            expect(res.body.version).toBe(before.version + 1);
            for (const stamp of STAMPS) {
              if (stamp === move.stamps) within(res.body[stamp], start, end);
              else expect(res.body[stamp], stamp).toEqual(before[stamp]);
            }
            const stored = await getCase(before.id);
            expect(stored.status).toBe(move.to);
            expect(stored.version).toBe(before.version + 1);

            const entries = await auditOf(before.id, `transition:${action}`);
            expect(entries).toHaveLength(entriesBefore.length + 1);
            const entry = entries.at(-1)!;
            expect(entry.actorEmail).toBe('admin@fayuan.test');
            expect(JSON.parse(entry.changes).status).toEqual([state, move.to]);
          });
        } else {
          it(`refuses to ${action} it with 409, naming 「${STATE_ZH[state]}」 and 「${ACTION_ZH[action]}」, and leaves it unchanged`, async () => {
            const before = await caseIn(state);
            const transitions = await transitionCount(before.id);
            const res = await act(before.id, action, PAYLOADS[action]());
            expect(res.status, JSON.stringify(res.body)).toBe(409);
            expect(res.body.message).toContain(`「${STATE_ZH[state]}」`);
            expect(res.body.message).toContain(`「${ACTION_ZH[action]}」`);
            await expectUnchanged(before);
            expect(await transitionCount(before.id)).toBe(transitions);
          });
        }
      }
    });
  }

  it('starts every new case as applied, ignoring a status, lawyer or timestamps sent with it', async () => {
    const row = await createCase({
      status: 'closed', lawyerId: lawyer.standard.id, assignmentMethod: 'client_choice', acceptedAt: '2026-01-01T00:00:00.000Z',
      closedAt: '2026-01-02T00:00:00.000Z', terminationGround: 'fraud', decisionReason: '伪造',
    });
    expect(row).toMatchObject({
      status: 'applied', lawyerId: null, assignmentMethod: null, acceptedAt: null, assignedAt: null, closedAt: null,
      archivedAt: null, terminationGround: null, decisionReason: null, version: 1,
    });
    expect((await workflow(row.id)).actions.map((a: Row) => a.name)).toEqual(['review', 'terminate']);
  });

  it('refuses an action that does not exist with 422 and a Chinese message', async () => {
    const before = await caseIn('applied');
    const res = await act(before.id, 'reopen');
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('reopen');
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    await expectUnchanged(before);
  });

  it('answers 404 for a transition on a case that does not exist', async () => {
    const res = await act(99_999_999, 'review');
    expect(res.status).toBe(404);
  });

  it('walks a case from application to archive and lists every step, in order, in the workflow history', async () => {
    const row = await caseIn('archived');
    const flow = await workflow(row.id);
    expect(flow.status).toBe('archived');
    expect(flow.actions).toEqual([]);
    expect(flow.deadline).toMatchObject({ kind: null, due: null, overdue: false });
    expect(flow.history.map((h: Row) => h.action)).toEqual(ROUTE.archived.map((a) => `transition:${a}`));
    expect(flow.history.map((h: Row) => h.changes.status[1])).toEqual(['reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived']);
    const archived = await getCase(row.id);
    for (const stamp of STAMPS) expect(archived[stamp], stamp).not.toBeNull();
    expect(archived.lawyerId).toBe(lawyer.standard.id);
    expect(archived.assignmentMethod).toBe('assigned');
  });

  it('offers the admin on /workflow exactly the actions the state allows', async () => {
    for (const state of ['applied', 'reviewing', 'accepted', 'closing_submitted', 'rejected'] as State[]) {
      const row = await caseIn(state);
      const expected = ACTIONS.filter((a) => MOVES[a].from.includes(state));
      expect((await workflow(row.id)).actions.map((a: Row) => a.name), state).toEqual(expected);
    }
  });

  it('sends a closing submission back for more work and takes it again', async () => {
    const row = await caseIn('closing_submitted');
    const back = await act(row.id, 'return-closing', { reason: '缺少庭审笔录' });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('in_progress');
    const entry = (await auditOf(row.id, 'transition:return-closing')).at(-1)!;
    expect(JSON.parse(entry.changes).payload).toEqual({ reason: '缺少庭审笔录' });
    const again = await act(row.id, 'submit-closing');
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('closing_submitted');
  });
});

// ---------------------------------------------------------------------------------------------

describe('who may act on a case', () => {
  /** A case in a state each action starts from, and the actions to try there. */
  const tries: [State, Action[]][] = [
    ['applied', ['review', 'terminate']],
    ['reviewing', ['accept', 'reject']],
    ['accepted', ['assign']],
    ['assigned', ['start']],
    ['in_progress', ['submit-closing']],
    ['closing_submitted', ['return-closing', 'close']],
    ['closed', ['archive']],
  ];

  it('refuses every action to the quality supervisor with 403 and a Chinese message, leaving the case unchanged', async () => {
    for (const [state, actions] of tries) {
      const before = await caseIn(state);
      for (const action of actions) {
        const res = await act(before.id, action, PAYLOADS[action](), 'supervisor');
        expect(res.status, `${action} on ${state}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.message).toContain(`「${ACTION_ZH[action]}」`);
      }
      await expectUnchanged(before);
      expect(await transitionCount(before.id)).toBe(ROUTE[state].length);
    }
  });

  it('refuses every action to the peer reviewer with 404, since reviewers cannot see cases at all', async () => {
    for (const [state, actions] of tries) {
      const before = await caseIn(state);
      for (const action of actions) {
        const res = await act(before.id, action, PAYLOADS[action](), 'reviewer');
        expect(res.status, `${action} on ${state}`).toBe(404);
      }
      expect((await call('reviewer', `/api/cases/${before.id}/workflow`)).status).toBe(404);
      await expectUnchanged(before);
    }
  });

  it('refuses every action to a request without a session', async () => {
    const before = await caseIn('applied');
    const res = await act(before.id, 'review', {}, null as unknown as Role);
    expect(res.status).toBe(401);
    await expectUnchanged(before);
  });

  it('lets the demo lawyer start and submit for closing their own case, audited as them', async () => {
    const row = await caseIn('assigned', {}, { assign: { lawyerId: demoLawyerId } });
    expect(row.lawyerId).toBe(demoLawyerId);
    expect((await workflow(row.id, 'lawyer')).actions.map((a: Row) => a.name)).toEqual(['start']);

    const started = await act(row.id, 'start', {}, 'lawyer');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.status).toBe('in_progress');
    expect((await workflow(row.id, 'lawyer')).actions.map((a: Row) => a.name)).toEqual(['submit-closing']);

    const submitted = await act(row.id, 'submit-closing', {}, 'lawyer');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('closing_submitted');
    expect((await workflow(row.id, 'lawyer')).actions).toEqual([]);

    const entries = await auditOf(row.id);
    expect(entries.filter((e) => e.action === 'transition:start' || e.action === 'transition:submit-closing').map((e) => e.actorEmail))
      .toEqual(['lawyer@fayuan.test', 'lawyer@fayuan.test']);
  });

  it('answers 404 to the demo lawyer acting on another lawyer\'s case, which stays unchanged', async () => {
    const assigned = await caseIn('assigned');
    expect(assigned.lawyerId).not.toBe(demoLawyerId);
    expect((await act(assigned.id, 'start', {}, 'lawyer')).status).toBe(404);
    await expectUnchanged(assigned);

    const inProgress = await caseIn('in_progress');
    expect((await act(inProgress.id, 'submit-closing', {}, 'lawyer')).status).toBe(404);
    await expectUnchanged(inProgress);

    // A case without a lawyer is nobody's own case either.
    const applied = await caseIn('applied');
    expect((await act(applied.id, 'review', {}, 'lawyer')).status).toBe(404);
    await expectUnchanged(applied);
  });

  it('refuses with 403 the admin\'s actions (accept, assign, close…) to the lawyer, even on their own case', async () => {
    const own = (state: State) => caseIn(state, {}, { assign: { lawyerId: demoLawyerId } });
    const cases: [State, Action[]][] = [
      ['assigned', ['review', 'accept', 'reject', 'assign', 'terminate']],
      ['closing_submitted', ['return-closing', 'close', 'terminate']],
      ['closed', ['archive']],
    ];
    for (const [state, actions] of cases) {
      const before = await own(state);
      for (const action of actions) {
        const res = await act(before.id, action, PAYLOADS[action](), 'lawyer');
        expect(res.status, `${action} on ${state}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.message).toContain(`「${ACTION_ZH[action]}」`);
      }
      await expectUnchanged(before);
    }
  });

  it('refuses the lawyer\'s own action in the wrong state with 409, like anyone\'s', async () => {
    const before = await caseIn('in_progress', {}, { assign: { lawyerId: demoLawyerId } });
    const res = await act(before.id, 'start', {}, 'lawyer');
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('「承办」');
    expect(res.body.message).toContain('「开始承办」');
    await expectUnchanged(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe('what an action must carry', () => {
  it('refuses to reject without a reason with 422 and errors.reason, and keeps the reason given', async () => {
    const before = await caseIn('reviewing');
    for (const payload of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await act(before.id, 'reject', payload);
      expect(res.status).toBe(422);
      expect(res.body.errors.reason).toMatch(/[\u4e00-\u9fff]/);
    }
    await expectUnchanged(before);

    const res = await act(before.id, 'reject', { reason: '不符合经济困难条件' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    expect(res.body.decisionReason).toBe('不符合经济困难条件');
    expect(res.body.acceptedAt).toBeNull();
  });

  it('refuses to terminate on a ground that art. 48 does not provide, or without a ground, with 422', async () => {
    const before = await caseIn('in_progress');
    for (const payload of [{ reason: 'bored' }, {}, { reason: '' }]) {
      const res = await act(before.id, 'terminate', payload);
      expect(res.status, JSON.stringify(payload)).toBe(422);
      expect(res.body.errors.reason).toContain('第四十八条');
    }
    await expectUnchanged(before);
  });

  for (const ground of TERMINATION_GROUNDS) {
    it(`terminates on the art. 48 ground ${ground}, recording the ground and the note as the decision reason`, async () => {
      const before = await caseIn('assigned');
      const note = `终止说明：${ground}`;
      const res = await act(before.id, 'terminate', { reason: ground, note });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe('terminated');
      const stored = await getCase(before.id);
      expect(stored.terminationGround).toBe(ground);
      expect(stored.decisionReason).toBe(note);
      const entry = (await auditOf(before.id, 'transition:terminate')).at(-1)!;
      expect(JSON.parse(entry.changes).payload).toEqual({ reason: ground, note });
    });
  }

  it('terminates without a note, leaving the decision reason empty', async () => {
    const before = await caseIn('applied');
    const res = await act(before.id, 'terminate', { reason: 'finances_improved' });
    expect(res.status).toBe(200);
    expect(res.body.terminationGround).toBe('finances_improved');
    expect(res.body.decisionReason).toBeNull();
  });

  it('refuses to close without an outcome with 422 and errors.outcome', async () => {
    const before = await caseIn('closing_submitted');
    for (const payload of [{}, { outcome: '' }, { amountRecovered: 100 }]) {
      const res = await act(before.id, 'close', payload);
      expect(res.status).toBe(422);
      expect(res.body.errors.outcome).toMatch(/[\u4e00-\u9fff]/);
    }
    const negative = await act(before.id, 'close', { outcome: '判决结案', amountRecovered: -1 });
    expect(negative.status).toBe(422);
    expect(negative.body.errors.amountRecovered).toBeDefined();
    await expectUnchanged(before);
  });

  it('closes with the amount recovered and stores it to the fen', async () => {
    const before = await caseIn('closing_submitted');
    const res = await act(before.id, 'close', { outcome: '调解结案', amountRecovered: 48000.55 });
    expect(res.status).toBe(200);
    const stored = await getCase(before.id);
    expect(stored.status).toBe('closed');
    expect(stored.outcome).toBe('调解结案');
    expect(stored.amountRecovered).toBe(48000.55);
  });

  it('closes without an amount recovered', async () => {
    const before = await caseIn('closing_submitted');
    const res = await act(before.id, 'close', { outcome: '判决驳回' });
    expect(res.status).toBe(200);
    expect((await getCase(before.id)).amountRecovered).toBeNull();
  });

  it('refuses to return a closing submission without a reason', async () => {
    const before = await caseIn('closing_submitted');
    const res = await act(before.id, 'return-closing', {});
    expect(res.status).toBe(422);
    expect(res.body.errors.reason).toBeDefined();
    await expectUnchanged(before);
  });

  it('refuses to assign without a lawyer, or with an unknown assignment method, with 422', async () => {
    const before = await caseIn('accepted');
    const noLawyer = await act(before.id, 'assign', {});
    expect(noLawyer.status).toBe(422);
    expect(noLawyer.body.errors.lawyerId).toBe('请选择承办律师');
    const badMethod = await act(before.id, 'assign', { lawyerId: lawyer.standard.id, assignmentMethod: 'lottery' });
    expect(badMethod.status).toBe(422);
    expect(badMethod.body.errors.assignmentMethod).toBeDefined();
    const noSuchLawyer = await act(before.id, 'assign', { lawyerId: 99_999_999 });
    expect(noSuchLawyer.status).toBe(422);
    expect(noSuchLawyer.body.message).toContain('律师不存在');
    await expectUnchanged(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the means test, as a guard on accept', () => {
  async function tryAccept(extra: Row) {
    const before = await caseIn('reviewing', extra);
    return { before, res: await act(before.id, 'accept') };
  }

  async function expectAccepted(extra: Row) {
    const { res } = await tryAccept(extra);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('accepted');
    return res;
  }

  async function expectRefused(extra: Row, rule: string) {
    const { before, res } = await tryAccept(extra);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.rules.map((r: Row) => r.rule)).toEqual([rule]);
    await expectUnchanged(before);
    expect(await auditOf(before.id, 'transition:accept')).toEqual([]);
    return res;
  }

  it('accepts a household income per head below the threshold (1799.99 < 900 × 2)', async () => {
    await expectAccepted({ householdMonthlyIncome: 1799.99 });
  });

  it('refuses an income exactly at the threshold with 422, stating 1800 yuan in Chinese', async () => {
    const res = await expectRefused({ householdMonthlyIncome: 1800 }, 'means_test.income_not_below_threshold');
    expect(res.body.message).toContain('1800');
    expect(res.body.message).toContain('经济困难标准');
  });

  it('refuses a missing income, asking for it', async () => {
    const res = await expectRefused({ householdMonthlyIncome: null }, 'means_test.income_missing');
    expect(res.body.message).toContain('家庭人均月收入');
  });

  it('needs no means test for a case the court, procuratorate or police notified (channel notified), even with no income', async () => {
    await expectAccepted({ channel: 'notified', caseType: 'criminal', criminalRole: 'defendant', householdMonthlyIncome: null });
  });

  const adult = yearsBefore(TODAY, 40);
  const consistent: [string, Row][] = [
    ['minor', { applicantBirthDate: yearsBefore(TODAY, 15), applicantGroups: ['minor'] }],
    ['minor', { applicantBirthDate: null, applicantGroups: ['minor'] }],
    ['elderly_no_income', { applicantBirthDate: yearsBefore(TODAY, 70), applicantGroups: ['elderly'] }],
    ['disabled_no_income', { applicantGroups: ['disabled'] }],
    ['social_assistance', { applicantGroups: ['low_income'] }],
    ['migrant_wages', { applicantGroups: ['migrant_worker'], causeOfAction: '追索劳动报酬' }],
    ['domestic_violence', { applicantGroups: ['woman'], causeOfAction: '离婚纠纷' }],
    ['martyr_relative', { applicantGroups: ['military'] }],
    ['good_samaritan', { causeOfAction: '见义勇为人身损害赔偿' }],
  ];
  for (const [reason, extra] of consistent) {
    it(`accepts the exemption ${reason} without looking at the income when the applicant data bears it out (${JSON.stringify(extra)})`, async () => {
      await expectAccepted({ exemptionReason: reason, householdMonthlyIncome: 9000, ...extra });
    });
  }

  const inconsistent: [string, Row, string][] = [
    ['minor', { applicantBirthDate: adult, applicantGroups: [] }, '已满 18 周岁'],
    ['minor', { applicantBirthDate: null, applicantGroups: [] }, '未成年人'],
    ['elderly_no_income', { applicantBirthDate: yearsBefore(TODAY, 59), applicantGroups: [] }, '未满 60 周岁'],
    ['disabled_no_income', { applicantGroups: ['elderly'] }, '残疾人'],
    ['migrant_wages', { applicantGroups: ['woman'] }, '农民工'],
  ];
  for (const [reason, extra, words] of inconsistent) {
    it(`refuses the exemption ${reason} when the applicant data contradicts it (${JSON.stringify(extra)}), saying why`, async () => {
      const res = await expectRefused({ exemptionReason: reason, householdMonthlyIncome: 9000, ...extra }, 'means_test.exemption_not_shown');
      expect(res.body.message).toContain(words);
    });
  }

  it('counts the minor exemption by 周岁: a minor on the 18th birthday, an adult the day after', async () => {
    await expectAccepted({ exemptionReason: 'minor', householdMonthlyIncome: null, applicantBirthDate: yearsBefore(TODAY, 18), applicantGroups: [] });
    await expectRefused({ exemptionReason: 'minor', householdMonthlyIncome: null, applicantBirthDate: yearsBefore(YESTERDAY, 18), applicantGroups: [] }, 'means_test.exemption_not_shown');
  });

  it('follows the minimum living standard set in the settings, and audits the settings change', async () => {
    const income = { householdMonthlyIncome: 1900 };
    await expectRefused(income, 'means_test.income_not_below_threshold');
    await withSettings({ minimumLivingStandard: 1000 }, async () => {
      const entry = (await call('admin', `/api/audit-log${listQuery({ filter: { resource: 'settings' }, sort: ['id', 'DESC'], range: [0, 0] })}`)).body[0];
      expect(entry.action).toBe('update');
      expect(entry.actorEmail).toBe('admin@fayuan.test');
      expect(JSON.parse(entry.changes)).toEqual({ minimumLivingStandard: [900, 1000] });

      await expectAccepted(income);
      const res = await expectRefused({ householdMonthlyIncome: 2000 }, 'means_test.income_not_below_threshold');
      expect(res.body.message).toContain('2000');
    });
    await expectRefused(income, 'means_test.income_not_below_threshold');
  });

  it('follows the hardship factor set in the settings', async () => {
    await withSettings({ hardshipFactor: 2.5 }, async () => {
      await expectAccepted({ householdMonthlyIncome: 2249.99 });
      const res = await expectRefused({ householdMonthlyIncome: 2250 }, 'means_test.income_not_below_threshold');
      expect(res.body.message).toContain('2250');
    });
  });

  it('refuses settings changes to anyone but the admin', async () => {
    for (const role of ['supervisor', 'lawyer', 'reviewer'] as Role[]) {
      const res = await call(role, '/api/settings/1', 'PUT', { minimumLivingStandard: 1 });
      expect(res.status, role).toBe(403);
    }
    expect((await call('admin', '/api/settings/1')).body.minimumLivingStandard).toBe(900);
  });

  it('reads the case as it is when accepting: an income corrected by PUT during review decides', async () => {
    const before = await caseIn('reviewing', { householdMonthlyIncome: 2500 });
    expect((await act(before.id, 'accept')).status).toBe(422);
    const put = await call('admin', `/api/cases/${before.id}`, 'PUT', { ...(await getCase(before.id)), householdMonthlyIncome: 1200 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await act(before.id, 'accept')).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the assignment rules, as a guard on assign', () => {
  const minorApplicant = { applicantBirthDate: yearsBefore(TODAY, 15), applicantGroups: ['minor'], exemptionReason: 'minor', householdMonthlyIncome: null };
  const deathCase = { caseType: 'criminal', criminalRole: 'defendant', maxPenalty: 'death', channel: 'notified', causeOfAction: '故意杀人', householdMonthlyIncome: null };
  const lifeCase = { ...deathCase, maxPenalty: 'life', causeOfAction: '抢劫' };
  const ordinaryCriminal = { ...deathCase, maxPenalty: null, causeOfAction: '盗窃' };

  interface Scenario {
    name: string;
    caseAttrs: Row;
    lawyer: string;
    method?: 'assigned' | 'client_choice';
    /** The rules broken, or [] when the lawyer may be assigned. */
    rules: string[];
    /** Words of the Chinese message. */
    words?: string[];
  }

  const scenarios: Scenario[] = [
    { name: 'assigns a lawyer with exactly 3 years of practice to a death-penalty case', caseAttrs: deathCase, lawyer: 'threeYears', rules: [] },
    { name: 'refuses a lawyer with 3 years less one day of practice (2 years 364 days) to a death-penalty case', caseAttrs: deathCase, lawyer: 'threeYearsLessADay', rules: ['assignment.practice_years'], words: ['三年以上执业经历', '2 年 364 天'] },
    { name: 'refuses a lawyer with 2 years 364 days of practice to a case that may end in life imprisonment', caseAttrs: lifeCase, lawyer: 'threeYearsLessADay', rules: ['assignment.practice_years'], words: ['无期徒刑、死刑', '三年以上执业经历'] },
    { name: 'assigns a lawyer with exactly 3 years of practice to a life-imprisonment case', caseAttrs: lifeCase, lawyer: 'threeYears', rules: [] },
    { name: 'refuses a lawyer without a recorded practice start date to a death-penalty case', caseAttrs: deathCase, lawyer: 'noPracticeDate', rules: ['assignment.practice_years'], words: ['未登记该律师的执业起始日期'] },
    { name: 'does not ask for 3 years of practice on a criminal case without life or death at stake', caseAttrs: ordinaryCriminal, lawyer: 'threeYearsLessADay', rules: [] },
    { name: 'refuses a minor applicant\'s case to a lawyer without the minors specialty', caseAttrs: minorApplicant, lawyer: 'notMinorsSpecialist', rules: ['assignment.minors_specialty'], words: ['未成年人案件', '「未成年人」'] },
    { name: 'assigns a minor applicant\'s case to a lawyer with the minors specialty', caseAttrs: minorApplicant, lawyer: 'minorsSpecialist', rules: [] },
    { name: 'recognises a minor by the birth date alone, without the minor tag', caseAttrs: { ...minorApplicant, applicantGroups: [] }, lawyer: 'notMinorsSpecialist', rules: ['assignment.minors_specialty'] },
    { name: 'refuses an inactive lawyer', caseAttrs: {}, lawyer: 'inactive', rules: ['assignment.lawyer_inactive'], words: ['不在岗'] },
    { name: 'refuses a lawyer of a firm that is not contracted', caseAttrs: {}, lawyer: 'uncontracted', rules: ['assignment.firm_not_contracted'], words: ['未纳入政府购买法律援助服务承接主体范围'] },
    { name: 'refuses a lawyer of a firm whose contract ended yesterday', caseAttrs: {}, lawyer: 'endedYesterday', rules: ['assignment.firm_contract_period'], words: [`已于 ${YESTERDAY} 到期`, '不在合同期内'] },
    { name: 'assigns a lawyer of a firm whose contract ends today (its last day)', caseAttrs: {}, lawyer: 'endsToday', rules: [] },
    { name: 'refuses a lawyer of a firm whose contract starts tomorrow', caseAttrs: {}, lawyer: 'startsTomorrow', rules: ['assignment.firm_contract_period'], words: [`自 ${TOMORROW} 起生效`] },
    { name: 'assigns a legal aid lawyer who belongs to no firm', caseAttrs: {}, lawyer: 'legalAid', rules: [] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the practice rule', caseAttrs: deathCase, lawyer: 'threeYearsLessADay', method: 'client_choice', rules: ['assignment.practice_years'] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the minors rule', caseAttrs: minorApplicant, lawyer: 'notMinorsSpecialist', method: 'client_choice', rules: ['assignment.minors_specialty'] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the firm rule', caseAttrs: {}, lawyer: 'uncontracted', method: 'client_choice', rules: ['assignment.firm_not_contracted'] },
    { name: 'holds a lawyer of the client\'s choice (点援) to the active rule', caseAttrs: {}, lawyer: 'inactive', method: 'client_choice', rules: ['assignment.lawyer_inactive'] },
    { name: 'assigns an eligible lawyer of the client\'s choice (点援), recording the method', caseAttrs: deathCase, lawyer: 'threeYears', method: 'client_choice', rules: [] },
    {
      name: 'reports every rule a lawyer breaks at once',
      caseAttrs: { ...deathCase, ...minorApplicant, channel: 'notified' },
      lawyer: 'everythingWrong',
      rules: ['assignment.lawyer_inactive', 'assignment.firm_not_contracted', 'assignment.practice_years', 'assignment.minors_specialty'],
      words: ['不在岗', '未纳入', '三年以上', '未成年人', '；'],
    },
  ];

  async function eligibilityOf(caseId: number, lawyerId: number): Promise<Row | undefined> {
    const res = await call('admin', `/api/cases/${caseId}/eligible-lawyers`);
    expect(res.status).toBe(200);
    return (res.body as Row[]).find((l) => l.id === lawyerId);
  }

  for (const s of scenarios) {
    it(`${s.name}; the eligible-lawyers list says the same`, async () => {
      const before = await caseIn('accepted', s.caseAttrs);
      const chosen = lawyer[s.lawyer];
      const listed = await eligibilityOf(before.id, chosen.id);
      expect(listed, 'listed by eligible-lawyers').toBeDefined();
      expect(listed!.eligible).toBe(s.rules.length === 0);
      expect(listed!.problems.map((p: Row) => p.rule)).toEqual(s.rules);

      const res = await act(before.id, 'assign', { lawyerId: chosen.id, assignmentMethod: s.method ?? 'assigned' });
      if (s.rules.length === 0) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.status).toBe('assigned');
        expect(res.body.lawyerId).toBe(chosen.id);
        expect(res.body.assignmentMethod).toBe(s.method ?? 'assigned');
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.rules.map((r: Row) => r.rule)).toEqual(s.rules);
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
        for (const word of s.words ?? []) expect(res.body.message).toContain(word);
        // The same sentences as the eligible-lawyers list gives.
        expect(res.body.rules.map((r: Row) => r.message.zh)).toEqual(listed!.problems.map((p: Row) => p.message.zh));
        await expectUnchanged(before);
        expect(await auditOf(before.id, 'transition:assign')).toEqual([]);
      }
    });
  }

  it('refuses a lawyer who is the subject of an open complaint on the case, for as long as it is open', async () => {
    const before = await caseIn('accepted');
    const complainedOf = lawyer.complainedOf;
    const complaint = await create('complaints', {
      complainantName: before.applicantName, channel: 'visit', receivedAt: TODAY, caseId: before.id,
      lawyerId: complainedOf.id, category: 'attitude', description: '申请人反映该律师在咨询时态度恶劣', status: 'received',
    });
    // Its open states, reached by the complaint's actions (status is never edited directly).
    for (const [status, action] of [['received', null], ['accepted', 'accept'], ['investigating', 'investigate']] as const) {
      if (action) {
        const moved = await call('admin', `/api/complaints/${complaint.id}/transitions/${action}`, 'POST', {});
        expect(moved.status, JSON.stringify(moved.body)).toBe(200);
        expect(moved.body.status).toBe(status);
      }
      const listed = await eligibilityOf(before.id, complainedOf.id);
      expect(listed!.eligible).toBe(false);
      expect(listed!.problems.map((p: Row) => p.rule)).toEqual(['assignment.open_complaint']);
      for (const method of ['assigned', 'client_choice']) {
        const res = await act(before.id, 'assign', { lawyerId: complainedOf.id, assignmentMethod: method });
        expect(res.status, `${status} ${method}`).toBe(422);
        expect(res.body.message).toContain('尚未办结的投诉');
        expect(res.body.message).toContain(complainedOf.name);
      }
      // The complaint concerns only that lawyer.
      expect((await eligibilityOf(before.id, lawyer.standard.id))!.eligible).toBe(true);
    }
    await expectUnchanged(before);

    const concluded = await call('admin', `/api/complaints/${complaint.id}/transitions/conclude`, 'POST', { findings: '调阅案卷并询问双方', conclusion: '经调查，投诉不属实', outcome: 'not_upheld' });
    expect(concluded.status, JSON.stringify(concluded.body)).toBe(200);
    expect((await eligibilityOf(before.id, complainedOf.id))!.eligible).toBe(true);
    const res = await act(before.id, 'assign', { lawyerId: complainedOf.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('does not hold an open complaint on another case against the lawyer', async () => {
    const other = await caseIn('accepted');
    const before = await caseIn('accepted');
    await create('complaints', {
      complainantName: other.applicantName, channel: 'phone', receivedAt: TODAY, caseId: other.id,
      lawyerId: lawyer.legalAid.id, category: 'delay', description: '迟迟未与申请人联系', status: 'received',
    });
    expect((await eligibilityOf(other.id, lawyer.legalAid.id))!.eligible).toBe(false);
    expect((await eligibilityOf(before.id, lawyer.legalAid.id))!.eligible).toBe(true);
    expect((await act(before.id, 'assign', { lawyerId: lawyer.legalAid.id })).status).toBe(200);
  });

  it('marks every fixture lawyer eligible or not on a minor\'s death-penalty case, with the reasons', async () => {
    const before = await caseIn('accepted', { ...deathCase, ...minorApplicant, channel: 'notified' });
    const res = await call('admin', `/api/cases/${before.id}/eligible-lawyers`);
    expect(res.status).toBe(200);
    const byId = new Map((res.body as Row[]).map((l) => [l.id, l]));
    const expected: Record<string, string[]> = {
      standard: ['assignment.minors_specialty'],
      threeYears: ['assignment.minors_specialty'],
      threeYearsLessADay: ['assignment.practice_years', 'assignment.minors_specialty'],
      minorsSpecialist: [],
      notMinorsSpecialist: ['assignment.minors_specialty'],
      uncontracted: ['assignment.firm_not_contracted', 'assignment.minors_specialty'],
      endedYesterday: ['assignment.firm_contract_period', 'assignment.minors_specialty'],
    };
    for (const [key, rules] of Object.entries(expected)) {
      const row = byId.get(lawyer[key].id);
      expect(row, key).toBeDefined();
      expect(row!.eligible, key).toBe(rules.length === 0);
      expect(row!.problems.map((p: Row) => p.rule), key).toEqual(rules);
    }
    // An inactive lawyer, if listed at all, is never eligible.
    const inactive = byId.get(lawyer.inactive.id);
    if (inactive) expect(inactive.problems.map((p: Row) => p.rule)).toContain('assignment.lawyer_inactive');
    const assigned = await act(before.id, 'assign', { lawyerId: lawyer.minorsSpecialist.id });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  });

  it('does not show a lawyer, on their own case, the other lawyers or the complaints against them, which they may not read', async () => {
    // Assignment is the admin's business: the lawyers register shows a lawyer only their own
    // record, and complaints are for admins and supervisors.
    const own = await caseIn('assigned', {}, { assign: { lawyerId: demoLawyerId } });
    await create('complaints', {
      complainantName: own.applicantName, channel: 'letter', receivedAt: TODAY, caseId: own.id,
      lawyerId: lawyer.standard.id, category: 'fees', description: '反映该律师曾私自收费', status: 'received',
    });
    const visibleLawyers = await call('lawyer', `/api/lawyers${listQuery({ range: [0, 999] })}`);
    expect(visibleLawyers.body.map((l: Row) => l.id)).toEqual([demoLawyerId]);
    expect((await call('lawyer', `/api/complaints${listQuery({ filter: { caseId: own.id } })}`)).status).toBe(403);

    const res = await call('lawyer', `/api/cases/${own.id}/eligible-lawyers`);
    if (res.status === 200) {
      const others = (res.body as Row[]).filter((l) => l.id !== demoLawyerId);
      expect.soft(others.map((l) => l.name), 'other lawyers shown to the lawyer').toEqual([]);
      expect.soft(JSON.stringify(res.body), 'complaints shown to the lawyer').not.toContain('投诉');
    } else {
      expect([403, 404]).toContain(res.status);
    }
  });

  it('does not show the eligible-lawyers list to the peer reviewer, nor to a lawyer for a case not theirs', async () => {
    const before = await caseIn('accepted');
    expect((await call('reviewer', `/api/cases/${before.id}/eligible-lawyers`)).status).toBe(404);
    expect((await call('lawyer', `/api/cases/${before.id}/eligible-lawyers`)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------

describe('fields only transitions may change (PUT guard)', () => {
  async function expectPutRefused(id: number, changes: Row, field: string) {
    const before = await getCase(id);
    const res = await call('admin', `/api/cases/${id}`, 'PUT', { ...before, ...changes });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.errors[field]).toMatch(/[\u4e00-\u9fff]/);
    const after = await getCase(id);
    expect(after).toEqual(before);
  }

  it('refuses with 422 a PUT that changes the status, and changes nothing', async () => {
    const row = await caseIn('reviewing');
    await expectPutRefused(row.id, { status: 'accepted' }, 'status');
    await expectPutRefused(row.id, { status: 'closed', causeOfAction: '改了案由' }, 'status');
  });

  it('refuses with 422 a PUT that changes the assignment time or the lawyer, and changes nothing', async () => {
    const row = await caseIn('in_progress');
    const assignedAt = new Date(Date.parse(row.assignedAt) - 86_400_000).toISOString();
    await expectPutRefused(row.id, { assignedAt }, 'assignedAt');
    await expectPutRefused(row.id, { lawyerId: lawyer.legalAid.id }, 'lawyerId');
    await expectPutRefused(row.id, { lawyerId: null }, 'lawyerId');
    await expectPutRefused(row.id, { acceptedAt: null }, 'acceptedAt');
    await expectPutRefused(row.id, { assignmentMethod: 'client_choice' }, 'assignmentMethod');
  });

  it('refuses with 422 a PUT that sets the closing, archive or termination fields', async () => {
    const row = await caseIn('closed');
    const dayBefore = (stamp: string) => new Date(Date.parse(stamp) - 86_400_000).toISOString();
    await expectPutRefused(row.id, { closedAt: dayBefore(row.closedAt) }, 'closedAt');
    await expectPutRefused(row.id, { closedAt: null }, 'closedAt');
    await expectPutRefused(row.id, { archivedAt: row.closedAt }, 'archivedAt');
    await expectPutRefused(row.id, { terminationGround: 'fraud' }, 'terminationGround');
    await expectPutRefused(row.id, { decisionReason: '补写理由' }, 'decisionReason');
  });

  it('accepts a PUT that sends the system-kept fields back unchanged and changes another field', async () => {
    const row = await caseIn('in_progress');
    const before = await getCase(row.id);
    const res = await call('admin', `/api/cases/${row.id}`, 'PUT', { ...before, causeOfAction: '追索劳动报酬纠纷' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await getCase(row.id);
    expect(after.causeOfAction).toBe('追索劳动报酬纠纷');
    expect(after.version).toBe(before.version + 1);
    for (const field of ['status', 'lawyerId', 'assignmentMethod', ...STAMPS]) expect(after[field], field).toEqual(before[field]);
  });

  it('accepts the same instant written with another time zone as unchanged', async () => {
    const row = await caseIn('assigned');
    const before = await getCase(row.id);
    const at = new Date(Date.parse(before.assignedAt) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(Date.parse(at)).toBe(Date.parse(before.assignedAt));
    const res = await call('admin', `/api/cases/${row.id}`, 'PUT', { ...before, assignedAt: at, applicantPhone: '13800138000' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await getCase(row.id)).assignedAt).toBe(before.assignedAt);
  });

  it('accepts a PUT without the system-kept fields at all', async () => {
    const row = await caseIn('accepted');
    const res = await call('admin', `/api/cases/${row.id}`, 'PUT', { causeOfAction: '工伤赔偿' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await getCase(row.id);
    expect(after.status).toBe('accepted');
    expect(after.acceptedAt).toBe(row.acceptedAt);
  });
});

// ---------------------------------------------------------------------------------------------

describe('deadlines (art. 43) and the overdue filter', () => {
  async function isOverdue(id: number): Promise<boolean> {
    return (await listedIds({ overdue: true, id: [id] })).has(id);
  }

  /** A case accepted on the given UTC instant: driven to accepted, then the stored acceptance time moved. */
  async function acceptedAt(instant: string): Promise<Row> {
    const row = await caseIn('accepted', { applicationDate: instant.slice(0, 10) });
    await t.database.db.updateTable('cases').set({ acceptedAt: instant }).where('id', '=', row.id).execute();
    const stored = await getCase(row.id);
    expect(Date.parse(stored.acceptedAt)).toBe(Date.parse(instant));
    return stored;
  }

  it('lists an application made 8 days ago as overdue and one made 7 days ago as not (7 days to decide)', async () => {
    const eight = await caseIn('applied', { applicationDate: addDays(TODAY, -8) });
    const seven = await caseIn('applied', { applicationDate: addDays(TODAY, -7) });
    expect(await isOverdue(eight.id)).toBe(true);
    expect(await isOverdue(seven.id)).toBe(false);
    expect((await workflow(eight.id)).deadline).toEqual({ kind: 'review', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
    expect((await workflow(seven.id)).deadline).toEqual({ kind: 'review', due: TODAY, overdue: false, daysLeft: 0 });
  });

  it('keeps the review deadline running while the case is under review, and stops it at the decision', async () => {
    const row = await caseIn('reviewing', { applicationDate: addDays(TODAY, -8) });
    expect(await isOverdue(row.id)).toBe(true);
    expect((await workflow(row.id)).deadline).toMatchObject({ kind: 'review', overdue: true });
    const rejected = await act(row.id, 'reject', { reason: '不属于法律援助事项范围' });
    expect(rejected.status).toBe(200);
    expect(await isOverdue(row.id)).toBe(false);
    expect((await workflow(row.id)).deadline).toEqual({ kind: null, due: null, overdue: false, daysLeft: null });
  });

  it('lists a case accepted 4 days ago as overdue and one accepted 3 days ago as not (3 days to assign)', async () => {
    const four = await acceptedAt(`${addDays(TODAY, -4)}T23:59:59.999Z`);
    const three = await acceptedAt(`${addDays(TODAY, -3)}T00:00:00.000Z`);
    expect(await isOverdue(four.id)).toBe(true);
    expect(await isOverdue(three.id)).toBe(false);
    expect((await workflow(four.id)).deadline).toEqual({ kind: 'assign', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
    expect((await workflow(three.id)).deadline).toEqual({ kind: 'assign', due: TODAY, overdue: false, daysLeft: 0 });
  });

  it('counts the assignment deadline from the day of acceptance whatever its time of day', async () => {
    const early = await acceptedAt(`${addDays(TODAY, -4)}T00:00:00.000Z`);
    const late = await acceptedAt(`${addDays(TODAY, -3)}T23:59:59.999Z`);
    expect(await isOverdue(early.id)).toBe(true);
    expect(await isOverdue(late.id)).toBe(false);
    expect((await workflow(early.id)).deadline.due).toBe(assignDueDate(addDays(TODAY, -4), { reviewDays: 7, assignDays: 3 }));
  });

  it('takes a case off the overdue list once a lawyer is assigned', async () => {
    const row = await acceptedAt(`${addDays(TODAY, -6)}T09:00:00.000Z`);
    expect(await isOverdue(row.id)).toBe(true);
    expect((await act(row.id, 'assign', { lawyerId: lawyer.standard.id })).status).toBe(200);
    expect(await isOverdue(row.id)).toBe(false);
    expect((await workflow(row.id)).deadline.kind).toBeNull();
  });

  it('follows the review and assignment days set in the settings', async () => {
    const six = await caseIn('applied', { applicationDate: addDays(TODAY, -6) });
    const seven = await caseIn('applied', { applicationDate: addDays(TODAY, -7) });
    const eight = await caseIn('applied', { applicationDate: addDays(TODAY, -8) });
    const accepted4 = await acceptedAt(`${addDays(TODAY, -4)}T12:00:00.000Z`);
    const accepted2 = await acceptedAt(`${addDays(TODAY, -2)}T12:00:00.000Z`);
    const overdueOf = async () => {
      const ids = await listedIds({ overdue: true, id: [six.id, seven.id, eight.id, accepted4.id, accepted2.id] });
      return [six, seven, eight, accepted4, accepted2].map((c) => ids.has(c.id));
    };
    expect(await overdueOf()).toEqual([false, false, true, true, false]);
    await withSettings({ reviewDays: 5, assignDays: 1 }, async () => {
      expect(await overdueOf()).toEqual([true, true, true, true, true]);
      expect((await workflow(six.id)).deadline).toEqual({ kind: 'review', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
      expect((await workflow(accepted2.id)).deadline).toEqual({ kind: 'assign', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
    });
    await withSettings({ reviewDays: 10, assignDays: 5 }, async () => {
      expect(await overdueOf()).toEqual([false, false, false, false, false]);
      expect((await workflow(eight.id)).deadline).toEqual({ kind: 'review', due: addDays(TODAY, 2), overdue: false, daysLeft: 2 });
    });
    expect(await overdueOf()).toEqual([false, false, true, true, false]);
  });

  it('runs a 7-day review deadline from the 28th of a month into the next month', async () => {
    const lastMonth28 = Number(TODAY.slice(8, 10)) > 28
      ? `${TODAY.slice(0, 8)}28`
      : (() => {
          const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
          d.setUTCMonth(d.getUTCMonth() - 1);
          return `${d.toISOString().slice(0, 8)}28`;
        })();
    const year = Number(TODAY.slice(0, 4));
    for (const applied of [lastMonth28, `${year - 1}-12-28`, `${year}-02-28`, '2024-02-28'].filter((d) => d < TODAY)) {
      const row = await caseIn('applied', { applicationDate: applied });
      const { deadline } = await workflow(row.id);
      const due = reviewDueDate(applied, { reviewDays: 7, assignDays: 3 });
      expect(deadline.kind).toBe('review');
      expect(deadline.due, applied).toBe(due);
      expect(daysBetween(applied, deadline.due)).toBe(7);
      const next = new Date(`${applied.slice(0, 7)}-01T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      expect(deadline.due.slice(0, 7), applied).toBe(next.toISOString().slice(0, 7));
      expect(deadline.overdue).toBe(due < TODAY);
      expect(await isOverdue(row.id)).toBe(due < TODAY);
    }
  });

  it('gives 2024-02-28 (a leap year) its due date on 6 March and 2026-02-28 on 7 March', async () => {
    for (const [applied, due] of [['2024-02-28', '2024-03-06'], ['2026-02-28', '2026-03-07']]) {
      const row = await caseIn('applied', { applicationDate: applied });
      expect((await workflow(row.id)).deadline.due).toBe(due);
    }
  });

  it('shows the deadline to the supervisor and the case\'s lawyer, and the history to them too', async () => {
    const row = await caseIn('reviewing', { applicationDate: addDays(TODAY, -2) });
    const flow = await workflow(row.id, 'supervisor');
    expect(flow.deadline).toEqual({ kind: 'review', due: addDays(TODAY, 5), overdue: false, daysLeft: 5 });
    expect(flow.actions).toEqual([]);
    expect(flow.history.map((h: Row) => h.action)).toEqual(['transition:review']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('racing requests', () => {
  function statuses(results: { status: number }[]) {
    return results.map((r) => r.status).sort();
  }

  it('lets exactly one of 10 concurrent accepts through: one 200, nine 409, one audit entry', async () => {
    const before = await caseIn('reviewing');
    const results = await Promise.all(Array.from({ length: 10 }, () => act(before.id, 'accept')));
    expect(statuses(results), JSON.stringify(results.filter((r) => r.status !== 200 && r.status !== 409))).toEqual([200, ...Array(9).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await auditOf(before.id, 'transition:accept')).toHaveLength(1);
    const after = await getCase(before.id);
    expect(after.status).toBe('accepted');
    expect(after.version).toBe(before.version + 1);
  });

  it('lets exactly one of 10 concurrent assignments (to different lawyers) through', async () => {
    const before = await caseIn('accepted');
    const candidates = ['standard', 'threeYears', 'threeYearsLessADay', 'minorsSpecialist', 'notMinorsSpecialist', 'endsToday', 'legalAid', 'standard', 'threeYears', 'legalAid'];
    const results = await Promise.all(candidates.map((key) => act(before.id, 'assign', { lawyerId: lawyer[key].id })));
    expect(statuses(results)).toEqual([200, ...Array(9).fill(409)]);
    const winner = results.find((r) => r.status === 200)!;
    const entries = await auditOf(before.id, 'transition:assign');
    expect(entries).toHaveLength(1);
    const after = await getCase(before.id);
    expect(after.status).toBe('assigned');
    expect(after.lawyerId).toBe(winner.body.lawyerId);
    expect(JSON.parse(entries[0].changes).lawyerId).toEqual([null, winner.body.lawyerId]);
  });

  it('lets exactly one of a concurrent terminate and close on a closing submission win', async () => {
    for (let round = 0; round < 3; round++) {
      const before = await caseIn('closing_submitted');
      const [terminated, closed] = await Promise.all([
        act(before.id, 'terminate', { reason: 'client_request' }),
        act(before.id, 'close', { outcome: '调解结案' }),
      ]);
      expect([terminated.status, closed.status].sort()).toEqual([200, 409]);
      const after = await getCase(before.id);
      expect(after.status).toBe(terminated.status === 200 ? 'terminated' : 'closed');
      expect(after.version).toBe(before.version + 1);
      const entries = (await auditOf(before.id)).filter((e) => e.action === 'transition:terminate' || e.action === 'transition:close');
      expect(entries).toHaveLength(1);
      if (after.status === 'terminated') expect(after.closedAt).toBeNull();
      else expect(after.terminationGround).toBeNull();
    }
  });

  it('keeps the case consistent when a transition races a PUT of the form as it was loaded', async () => {
    const before = await caseIn('reviewing');
    const [accepted, put] = await Promise.all([
      act(before.id, 'accept'),
      call('admin', `/api/cases/${before.id}`, 'PUT', { ...before, causeOfAction: '并发修改' }),
    ]);
    expect(accepted.status).toBe(200);
    const after = await getCase(before.id);
    expect(after.status).toBe('accepted');
    if (put.status === 200) {
      expect(after.causeOfAction).toBe('并发修改');
      expect(after.version).toBe(before.version + 2);
    } else {
      // The form still says 「审查」: refused as stale (409) or as a change of status (422).
      expect([409, 422]).toContain(put.status);
      expect(after.causeOfAction).toBe(before.causeOfAction);
      expect(after.version).toBe(before.version + 1);
    }
  });
});
