// `q` through the registers' search index (api/db/search-index.ts): 1-, 2- and 3-character
// fragments of Chinese names, case numbers, ID numbers (only for roles that see them), lawyers'
// names; exact totals; the index kept in step by writes and rebuilt by the migration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { listQuery, startTestFayuan, totalOf, type Role, type TestFayuan } from './support/fayuan.js';
import { clearIndex, indexedFields, searchTableOf, syncSearchIndexes, tallyCount, SEARCH_TALLY } from '../api/db/search-index.js';
import { readTally, syncTallies } from '../api/db/tallies.js';
import type { Actor, Row } from '../api/resources/define.js';
import { SEARCH_LIMITS, type SearchLimits } from '../api/rest/search-plan.js';

let t: TestFayuan;
let cases: Row[];
let lawyers: Map<number, string>;

const all = async (role: Role, resource: string, filter: Record<string, unknown> = {}, sort: [string, string] = ['id', 'ASC']) => {
  const res = await t.api(role, `/api/${resource}${listQuery({ range: [0, 999], sort, filter })}`);
  expect(res.status).toBe(200);
  const rows = (await res.json()) as Row[];
  return { ids: rows.map((r) => Number(r.id)), total: totalOf(res) };
};

/** What `q` should find, worked out from the admin's rows. */
function expected(term: string, { idNumbers = true, lawyerId }: { idNumbers?: boolean; lawyerId?: number } = {}) {
  const has = (v: unknown) => typeof v === 'string' && v.toLowerCase().includes(term.toLowerCase());
  return cases.filter((c) => (lawyerId === undefined || Number(c.lawyerId) === lawyerId)
    && (has(c.caseNumber) || has(c.applicantName) || has(c.causeOfAction) || (idNumbers && has(c.applicantIdNumber))
      || has(lawyers.get(Number(c.lawyerId)))))
    .map((c) => Number(c.id));
}

async function expectSearch(role: Role, term: string, ids: number[]) {
  const got = await all(role, 'cases', { q: term });
  expect(got.ids, `${role} q=${term}`).toEqual(ids);
  expect(got.total).toBe(ids.length);
}

const reload = async () => {
  cases = [];
  const res = await t.api('admin', `/api/cases${listQuery({ range: [0, 999], sort: ['id', 'ASC'] })}`);
  cases = (await res.json()) as Row[];
};

beforeAll(async () => {
  t = await startTestFayuan({ cases: 60 });
  await reload();
  const res = await t.api('admin', `/api/lawyers${listQuery({ range: [0, 999] })}`);
  lawyers = new Map(((await res.json()) as Row[]).map((l) => [Number(l.id), String(l.name)]));
});
afterAll(() => t?.close());

describe('q through the search index', () => {
  it('finds applicants by 1-, 2- and 3-character fragments of their names, with exact totals', async () => {
    const names = cases.map((c) => String(c.applicantName)).filter((n) => Array.from(n).length >= 3);
    expect(names.length).toBeGreaterThan(0);
    const name = Array.from(names[0]);
    for (const term of [name[0], name.slice(1, 3).join(''), name.slice(0, 3).join(''), name[name.length - 1]]) {
      const ids = expected(term);
      expect(ids.length).toBeGreaterThan(0);
      await expectSearch('admin', term, ids);
      await expectSearch('supervisor', term, expected(term, { idNumbers: false }));
    }
  });

  it('finds case numbers, lawyers by name, and fragments that occur nowhere', async () => {
    const numbered = cases.find((c) => c.caseNumber);
    const number = String(numbered!.caseNumber);
    for (const term of [number, number.slice(-3), number.slice(-2)]) await expectSearch('admin', term, expected(term));
    const lawyerName = Array.from(lawyers.get(Number(cases.find((c) => c.lawyerId)!.lawyerId))!);
    await expectSearch('admin', lawyerName.join(''), expected(lawyerName.join('')));
    await expectSearch('admin', lawyerName.slice(-2).join(''), expected(lawyerName.slice(-2).join('')));
    await expectSearch('admin', '龘', []);
    await expectSearch('admin', '龘龘龘', []);
  });

  it('searches ID numbers only for roles that see them, and a lawyer only among their cases', async () => {
    const withId = cases.find((c) => typeof c.applicantIdNumber === 'string' && String(c.applicantIdNumber).length === 18)!;
    const id = String(withId.applicantIdNumber);
    for (const term of [id.slice(6, 14), id.slice(10, 12), id]) {
      await expectSearch('admin', term, expected(term));
      // The supervisor sees the number masked: it is no oracle for it.
      await expectSearch('supervisor', term, expected(term, { idNumbers: false }));
    }
    const actor = await lawyerActor();
    const own = cases.filter((c) => Number(c.lawyerId) === actor.lawyerId);
    expect(own.length).toBeGreaterThan(0);
    const term = Array.from(String(own[0].applicantName)).slice(0, 2).join('');
    await expectSearch('lawyer', term, expected(term, { lawyerId: actor.lawyerId! }));
  });

  it('answers the same rows and total whichever plan the number of finds chooses', async () => {
    // The limits moved so that this small register runs each plan of api/rest/search-plan.ts.
    const plans: [string, SearchLimits][] = [
      ['the found rows read and sorted', { fewFound: Infinity, fewRows: Infinity }],
      ["the sort's index read, each entry's id tested among the found", { fewFound: Infinity, fewRows: 0 }],
      ['the rows read in sort order, each checked by LIKE', { fewFound: 0, fewRows: 0 }],
      // Two characters or more: up to three finds read as ids and counted by them, more counted apart.
      ['at most three found read as their ids, more counted', { fewFound: 3, fewRows: Infinity }],
    ];
    const name = Array.from(String(cases.find((c) => Array.from(String(c.applicantName)).length >= 3)!.applicantName));
    const lawyerName = Array.from(lawyers.get((await lawyerActor()).lawyerId!)!);
    const number = String(cases.find((c) => c.caseNumber)!.caseNumber);
    const terms = [name[0], name.slice(0, 2).join(''), name.slice(0, 3).join(''), lawyerName[0], lawyerName.join(''), number.slice(-2), '龘'];
    const status = String(cases.find((c) => c.status)!.status);
    const asked: [Role, Record<string, unknown>, [string, string]][] = terms.flatMap((q) => [
      ['admin', { q }, ['applicationDate', 'DESC']],
      ['admin', { q }, ['id', 'ASC']],
      ['admin', { q, status }, ['applicationDate', 'DESC']],
      ['supervisor', { q }, ['applicationDate', 'DESC']],
      ['lawyer', { q }, ['applicationDate', 'DESC']],
    ] as [Role, Record<string, unknown>, [string, string]][]);
    const records = t.fayuan.records;
    const answers: { ids: number[]; total: number }[][] = [];
    try {
      for (const [, limits] of plans) {
        records.searchLimits = limits;
        answers.push(await Promise.all(asked.map(([role, filter, sort]) => all(role, 'cases', filter, sort))));
      }
    } finally {
      records.searchLimits = SEARCH_LIMITS;
    }
    const lawyerId = (await lawyerActor()).lawyerId!;
    asked.forEach(([role, filter, sort], k) => {
      const seen = `${role} ${JSON.stringify(filter)} by ${sort.join(' ')}`;
      const term = String(filter.q);
      const ids = expected(term, { idNumbers: role !== 'supervisor', lawyerId: role === 'lawyer' ? lawyerId : undefined })
        .filter((id) => !filter.status || cases.find((c) => Number(c.id) === id)!.status === filter.status);
      expect([...answers[0][k].ids].sort((a, b) => a - b), seen).toEqual(ids);
      expect(answers[0][k].total, seen).toBe(ids.length);
      plans.slice(1).forEach(([plan], p) => expect(answers[p + 1][k], `${seen}: ${plan}`).toEqual(answers[0][k]));
    });
  });

  it('keeps the index in step with updates and deletes, and the migration rebuilds it', async () => {
    const records = t.fayuan.records;
    const admin = await adminActor();
    const target = cases.find((c) => c.status === 'applied') ?? cases[0];
    const id = Number(target.id);
    const old = Array.from(String(target.applicantName)).join('');
    await records.change(records.resource('cases'), id, admin, { action: 'update', plan: () => ({ applicantName: '司马迁迁' }) });
    await reload();
    await expectSearch('admin', '迁迁', [id]);
    await expectSearch('admin', '司马迁', [id]);
    await expectSearch('admin', old, expected(old));
    expect(expected(old)).not.toContain(id);

    // A register's own search, and a delete.
    const lawyersResource = records.resource('lawyers');
    const someone = (await t.api('admin', '/api/lawyers?range=[0,0]').then((r) => r.json()))[0] as Row;
    const created = await records.insert(lawyersResource, { ...stripped(someone), name: '欧阳娜娜', licenseNo: '19999999999999999', email: null, phone: null }, admin);
    const found = async (term: string) => (await all('admin', 'lawyers', { q: term })).ids;
    expect(await found('阳娜')).toEqual([Number(created.id)]);
    expect(await found('娜娜')).toEqual([Number(created.id)]);
    await records.delete(lawyersResource, Number(created.id), admin);
    expect(await found('阳娜')).toEqual([]);

    // A database whose index is missing (made before it) gets it from the migration.
    const { db, dialect } = t.database;
    const term = Array.from(String(cases[0].applicantName)).slice(-2).join('');
    const before = expected(term);
    await clearIndex(db, dialect, 'cases');
    await sql`delete from search_index_state`.execute(db);
    await expectSearch('admin', term, []);
    await syncSearchIndexes(db, dialect, t.fayuan.resources);
    await expectSearch('admin', term, before);
    // And one whose index table went missing although its state says otherwise.
    await sql`drop table ${sql.table(searchTableOf('cases'))}`.execute(db);
    await syncSearchIndexes(db, dialect, t.fayuan.resources);
    await expectSearch('admin', term, before);
  });
});

describe('one character of q, counted from the search tally', () => {
  /** Every character the admin's q can find in the cases, and a few it cannot. */
  const characters = () => [...new Set([...cases.flatMap((c) => [c.caseNumber, c.applicantName, c.causeOfAction, c.applicantIdNumber, lawyers.get(Number(c.lawyerId))])
    .filter((v) => typeof v === 'string').flatMap((v) => Array.from(String(v).toLowerCase())), '龘', 'Q'])];

  async function expectAllCounted(lawyerId: number) {
    const chars = characters();
    expect(chars.length).toBeGreaterThan(30);
    for (const char of chars) {
      expect((await all('admin', 'cases', { q: char })).total, `admin q=${char}`).toBe(expected(char).length);
      expect((await all('lawyer', 'cases', { q: char })).total, `lawyer q=${char}`).toBe(expected(char, { lawyerId }).length);
    }
  }

  it('answers the exact total of every character for the admin and a lawyer, through writes and a recount', async () => {
    const records = t.fayuan.records;
    const resource = records.resource('cases');
    const admin = await adminActor();
    const { lawyerId } = await lawyerActor();
    await reload();
    // The tally answers them (the index is not asked): for the admin's every field, for a lawyer's own cases.
    const everyField = resource.list.search;
    expect(await tallyCount(t.database.db, resource, everyField, '王', new Map(), [], readTally)).toBeTypeOf('number');
    expect(await tallyCount(t.database.db, resource, everyField, '王', new Map(), [`${indexedFields(resource).indexOf('lawyerId')}r${lawyerId}`], readTally)).toBeTypeOf('number');
    // …but not for a reader who may not search a field (the supervisor, ID numbers), nor for two characters.
    expect(await tallyCount(t.database.db, resource, everyField.filter((f) => f !== 'applicantIdNumber'), '王', new Map(), [], readTally)).toBeUndefined();
    expect(await tallyCount(t.database.db, resource, everyField, '王五', new Map(), [], readTally)).toBeUndefined();
    await expectAllCounted(lawyerId!);

    // Writes move records between characters and lawyers: a name changed, a case given to the lawyer, two created.
    const own = cases.find((c) => Number(c.lawyerId) === lawyerId)!;
    const other = cases.find((c) => c.lawyerId !== null && Number(c.lawyerId) !== lawyerId && c.status === 'assigned') ?? cases.find((c) => c.lawyerId !== null && Number(c.lawyerId) !== lawyerId)!;
    await records.change(resource, Number(own.id), admin, { action: 'update', plan: () => ({ applicantName: '龘鬱' }) });
    await records.change(resource, Number(other.id), admin, { action: 'update', plan: () => ({ lawyerId }) });
    await records.insert(resource, { ...stripped(cases.find((c) => !c.caseNumber) ?? cases[0]), caseNumber: null, status: 'applied', applicantName: '鬱金香', lawyerId }, admin);
    await records.insert(resource, { ...stripped(cases.find((c) => !c.caseNumber) ?? cases[0]), caseNumber: null, status: 'applied', applicantName: '鬱金', lawyerId: null }, admin);
    await reload();
    expect(expected('鬱').length).toBe(3);
    await expectAllCounted(lawyerId!);

    // A deleted record leaves the tally (cases are never deleted once numbered: a lawyer is).
    const lawyersResource = records.resource('lawyers');
    const someone = (await t.api('admin', '/api/lawyers?range=[0,0]').then((r) => r.json()))[0] as Row;
    const lawyerTotal = async (q: string) => (await all('admin', 'lawyers', { q })).total;
    const before = await lawyerTotal('鬱');
    const added = await records.insert(lawyersResource, { ...stripped(someone), name: '鬱达夫', licenseNo: '19999999999999998', email: null, phone: null }, admin);
    expect(await lawyerTotal('鬱')).toBe(before + 1);
    await records.delete(lawyersResource, Number(added.id), admin);
    expect(await lawyerTotal('鬱')).toBe(before);

    // A database whose tally is missing (or made by another format) counts it again from the rows.
    const { db } = t.database;
    await db.deleteFrom('tallies').where('register', '=', 'cases').where('tally', '=', SEARCH_TALLY).execute();
    await db.deleteFrom('tally_state').where('register', '=', 'cases').where('tally', '=', SEARCH_TALLY).execute();
    await syncTallies(db, t.fayuan.resources);
    await expectAllCounted(lawyerId!);
  });
});

const stripped = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => !['id', 'version', 'createdAt', 'updatedAt'].includes(k)));

async function userActor(role: Role): Promise<Actor> {
  const users = (await (await t.api('admin', `/api/users${listQuery({ range: [0, 999] })}`)).json()) as Row[];
  const user = users.find((u) => u.email === `${role}@fayuan.test`)!;
  return { id: String(user.id), email: String(user.email), role, lawyerId: user.lawyerId === null ? null : Number(user.lawyerId) };
}
const adminActor = () => userActor('admin');
const lawyerActor = () => userActor('lawyer');
