// What the case-lifecycle specs (test/case-lifecycle/*.test.ts) share: the state and action tables
// they check against, API helpers, and the centre they run on: the full demo centre plus firms and
// lawyers made through the API as the admin, with exactly the attributes each rule needs (dates from today, UTC).
import { beforeAll, afterAll, expect } from 'vitest';
import { addDays, today } from '../../api/calendar.js';
import { listQuery, startTestFayuan, type Role, type TestFayuan } from './fayuan.js';

export type Row = Record<string, any>;

export const STATES = [
  'applied', 'reviewing', 'accepted', 'rejected', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'terminated',
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = ['review', 'accept', 'reject', 'assign', 'start', 'submit-closing', 'return-closing', 'close', 'archive', 'terminate'] as const;
export type Action = (typeof ACTIONS)[number];

// Written out from the domain brief ("The case's life"), independently of lifecycle.ts.
export const MOVES: Record<Action, { from: State[]; to: State; stamps: string | null }> = {
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
export const STATE_ZH: Record<State, string> = {
  applied: '申请', reviewing: '审查', accepted: '受理', rejected: '不予受理', assigned: '指派',
  in_progress: '承办', closing_submitted: '提交结案', closed: '结案', archived: '归档', terminated: '终止',
};
export const ACTION_ZH: Record<Action, string> = {
  review: '开始审查', accept: '受理', reject: '不予受理', assign: '指派', start: '开始承办',
  'submit-closing': '提交结案', 'return-closing': '退回结案申请', close: '结案', archive: '归档', terminate: '终止',
};

export const STAMPS = ['acceptedAt', 'assignedAt', 'closedAt', 'archivedAt'] as const;

/** Legal Aid Law art. 48, as the brief lists the grounds. */
export const TERMINATION_GROUNDS = [
  'fraud', 'concealment', 'illegal_use', 'finances_improved', 'proceedings_ended', 'own_lawyer', 'client_request', 'other_statutory',
];

export const TODAY = today();
export const YESTERDAY = addDays(TODAY, -1);
export const TOMORROW = addDays(TODAY, 1);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same month and day `years` years before (29 February falls on 28 February in a common year). */
export function yearsBefore(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) - years;
  const monthDay = iso.slice(5, 10);
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`;
}

export let t: TestFayuan;
export let counter = 0;
/** A fresh 17-digit practising certificate number (issue #10 checks the format). */
export const licenceNumber = () => `1331020${String(Date.now() % 1e6).padStart(6, '0')}${String(counter++ % 10000).padStart(4, '0')}`;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

export async function call(role: Role | null, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: any }> {
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

export async function create(resource: string, record: Row): Promise<Row> {
  const res = await call('admin', `/api/${resource}`, 'POST', record);
  if (res.status !== 201) throw new Error(`creating ${resource} ${JSON.stringify(record)} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getCase(id: number): Promise<Row> {
  const res = await call('admin', `/api/cases/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

export function act(id: number, action: string, payload: unknown = {}, role: Role = 'admin') {
  return call(role, `/api/cases/${id}/transitions/${action}`, 'POST', payload);
}

export async function workflow(id: number, role: Role = 'admin'): Promise<Row> {
  const res = await call(role, `/api/cases/${id}/workflow`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function auditOf(id: number, action?: string): Promise<Row[]> {
  const filter: Row = { resource: 'cases', recordId: String(id) };
  if (action) filter.action = action;
  const res = await call('admin', `/api/audit-log${listQuery({ filter, range: [0, 999], sort: ['id', 'ASC'] })}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Ids of every case in the list for the filter, as admin. */
export async function listedIds(filter: Row): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let start = 0; ; start += 1000) {
    const res = await t.api('admin', `/api/cases${listQuery({ filter, range: [start, start + 999], sort: ['id', 'ASC'] })}`);
    expect(res.status).toBe(200);
    const rows = (await res.json()) as Row[];
    for (const row of rows) ids.add(Number(row.id));
    if (rows.length < 1000) return ids;
  }
}

export async function putSettings(changes: Row): Promise<void> {
  const res = await call('admin', '/api/settings/1', 'PUT', changes);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Runs the body with some settings changed, and puts the previous values back afterwards. */
export async function withSettings(changes: Row, body: () => Promise<void>): Promise<void> {
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
export function applicant(extra: Row = {}): Row {
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

export async function createCase(extra: Row = {}): Promise<Row> {
  return create('cases', applicant(extra));
}

export const firm: Record<string, Row> = {};
export const lawyer: Record<string, Row> = {};
export let demoLawyerId: number;
export let demoCases: Row[] = [];

export const PAYLOADS: Record<Action, () => Row> = {
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
export const ROUTE: Record<State, Action[]> = {
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
export async function caseIn(state: State, extra: Row = {}, payloads: Partial<Record<Action, Row>> = {}): Promise<Row> {
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

export function within(stamp: unknown, start: number, end: number) {
  const at = Date.parse(String(stamp));
  expect(at, `stamp ${String(stamp)}`).toBeGreaterThanOrEqual(start - 1000);
  expect(at, `stamp ${String(stamp)}`).toBeLessThanOrEqual(end + 1000);
}

/** A refusal that leaves the case exactly as it was and writes no transition entry. */
export async function expectUnchanged(before: Row) {
  const after = await getCase(before.id);
  expect(after.version).toBe(before.version);
  expect(after.status).toBe(before.status);
  for (const field of [...STAMPS, 'lawyerId', 'assignmentMethod', 'decisionReason', 'terminationGround', 'outcome']) {
    expect(after[field], field).toEqual(before[field]);
  }
}

export async function transitionCount(id: number): Promise<number> {
  return (await auditOf(id)).filter((e) => String(e.action).startsWith('transition:')).length;
}

/** Starts the full demo centre (600 cases) with the firms and lawyers the rules need, for the calling spec file. */
export function setUpLifecycleCentre() {
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
}
