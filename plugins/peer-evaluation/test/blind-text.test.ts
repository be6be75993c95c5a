// A blind round hides the file's lawyer and firm in free text too: every text a reviewer reads of an assigned file
// (the case's own fields, work-log notes, file names, observation and visit comments, the checklist, the case-file
// PDF) has their names replaced with 〔已隐去〕, on list, getOne and getMany alike; a search by them finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { pdfText } from '../../../test/support/poppler.js';
import { systemActor } from '../../../api/plugin-kit.js';

let t: TestFayuan;
const json = async (res: Response) => (await res.json()) as any;
const HIDDEN = '〔已隐去〕';
let file: { caseId: number; lawyer: string; firm: string; short: string };

beforeAll(async () => {
  t = await startTestFayuan({ cases: 160, plugins: ['case-files', 'hearing-observation', 'return-visits', 'peer-evaluation', 'case-file-pdf'] });
  const { db } = t.database;
  // A file of the demo reviewer's blind round under review, its lawyer and firm written into every kind of free text.
  const me = await db.selectFrom('user').select('id').where('email', '=', 'reviewer@fayuan.test').executeTakeFirstOrThrow();
  const reviewing = () => db.selectFrom('peer_reviews as r').innerJoin('peer_review_rounds as p', 'p.id', 'r.roundId').innerJoin('cases as c', 'c.id', 'r.caseId')
    .innerJoin('lawyers as l', 'l.id', 'c.lawyerId').leftJoin('law_firms as f', 'f.id', 'l.lawFirmId')
    .select(['r.caseId', 'p.blind', 'l.name as lawyer', 'f.name as firm']).where('r.reviewerId', '=', me.id).where('p.status', '=', 'reviewing').orderBy('r.caseId');
  let assigned = (await reviewing().execute()).find((r) => r.firm) ?? (await reviewing().executeTakeFirstOrThrow());
  if (!assigned.firm) {
    // The demo data (drawn around today's date) gave the reviewer only legal aid lawyers' files: one goes to a firm's lawyer, through the write path.
    const withFirm = await db.selectFrom('lawyers').select('id').where('lawFirmId', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    await t.fayuan.records.change(t.fayuan.records.resource('cases'), Number(assigned.caseId), systemActor, { action: 'update', plan: () => ({ lawyerId: Number(withFirm.id) }) });
    assigned = (await reviewing().execute()).find((r) => Number(r.caseId) === Number(assigned.caseId))!;
  }
  expect(Boolean(assigned.blind)).toBe(true);
  const firm = String(assigned.firm);
  file = { caseId: Number(assigned.caseId), lawyer: String(assigned.lawyer), firm, short: firm.replace(/律师事务所$/, '') };
  const said = `${file.lawyer}律师（${file.firm}）`;
  await db.updateTable('cases').set({ caseSummary: `由${said}承办；${file.short}所内讨论。`, outcome: `经${file.lawyer}调解结案` }).where('id', '=', file.caseId).execute();
  const [activity] = await db.selectFrom('case_activities').select('id').where('caseId', '=', file.caseId).execute();
  if (activity) await db.updateTable('case_activities').set({ notes: `${said}会见当事人` }).where('id', '=', activity.id).execute();
  else await db.insertInto('case_activities').values({ caseId: file.caseId, kind: 'meeting', occurredAt: '2026-01-05T02:00:00.000Z', notes: `${said}会见当事人`, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1 } as any).execute();
  const [upload] = await db.selectFrom('case_files').select('id').where('caseId', '=', file.caseId).where('supersededAt', 'is', null).orderBy('id').execute();
  await db.updateTable('case_files').set({ originalName: `${file.lawyer}代理词.pdf` }).where('id', '=', upload.id).execute();
  const now = new Date().toISOString();
  await db.insertInto('hearing_observations').values({ caseId: file.caseId, observedOn: '2026-01-10', observers: '督导', feedback: `${file.lawyer}发言清楚`, judgeView: `${file.firm}准备充分`, createdAt: now, updatedAt: now, version: 1 } as any).execute();
  await db.insertInto('return_visits').values({ caseId: file.caseId, method: 'phone', visitedAt: '2026-01-12', reachedPerson: `受援人（称${file.lawyer}很负责）`, satisfaction: 'satisfied', answers: '{}', createdAt: now, updatedAt: now, version: 1 } as any).execute();
}, 180_000);
afterAll(async () => t?.close());

/** The response's text holds neither name, and shows where they were. */
function scrubbed(text: string, what: string) {
  expect(text, what).not.toContain(file.lawyer);
  expect(text, what).not.toContain(file.short);
  expect(text, what).toContain(HIDDEN);
}

describe('a blind round hides the lawyer and firm in every text a reviewer reads', () => {
  it('the case and its work log, files, observations and visits: list, getOne and getMany', async () => {
    const registers: [string, string][] = [['cases', 'id'], ['case-activities', 'caseId'], ['case-files', 'caseId'], ['hearing-observations', 'caseId'], ['return-visits', 'caseId']];
    for (const [register, caseField] of registers) {
      const listed = await json(await t.api('reviewer', `/api/${register}${listQuery({ filter: { [caseField]: file.caseId }, range: [0, 999] })}`));
      expect(listed.length, register).toBeGreaterThan(0);
      scrubbed(JSON.stringify(listed), `${register} list`);
      const mentioned = listed.filter((row: any) => JSON.stringify(row).includes(HIDDEN));
      const one = await t.api('reviewer', `/api/${register}/${mentioned[0].id}`);
      expect(one.status, register).toBe(200);
      scrubbed(await one.text(), `${register} getOne`);
      const many = await json(await t.api('reviewer', `/api/${register}${listQuery({ filter: { id: listed.map((r: any) => r.id) } })}`));
      expect(many.length, register).toBe(listed.length);
      scrubbed(JSON.stringify(many), `${register} getMany`);
    }
    // The same rows, read by an admin, keep the names.
    const admin = await json(await t.api('admin', `/api/cases/${file.caseId}`));
    expect(admin.caseSummary).toContain(file.lawyer);
  });

  it('the checklist, the file download name and the case-file PDF', async () => {
    const checklist = await t.api('reviewer', `/api/cases/${file.caseId}/checklist`);
    expect(checklist.status).toBe(200);
    scrubbed(await checklist.text(), 'checklist');
    const upload = await t.database.db.selectFrom('case_files').select('id').where('caseId', '=', file.caseId).where('originalName', 'like', `${file.lawyer}%`).executeTakeFirstOrThrow();
    const download = await t.api('reviewer', `/api/case-files/${upload.id}/download`);
    expect(download.status).toBe(200);
    expect(decodeURIComponent(download.headers.get('content-disposition') ?? '')).not.toContain(file.lawyer);
    const pdf = await t.api('reviewer', `/api/cases/${file.caseId}/case-file.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, '');
    expect(text).not.toContain(file.lawyer);
    expect(text).not.toContain(file.short);
    expect(text).toContain(HIDDEN);
    // An admin's PDF of the same file names them.
    const adminPdf = pdfText(new Uint8Array(await (await t.api('admin', `/api/cases/${file.caseId}/case-file.pdf`)).arrayBuffer())).replace(/\s+/g, '');
    expect(adminPdf).toContain(file.lawyer);
  });

  it('a search by a hidden name, or a piece of one, finds nothing', async () => {
    for (const q of [file.lawyer, file.lawyer.slice(0, 2), file.short, `${file.lawyer}律师`]) {
      for (const register of ['cases', 'case-activities', 'hearing-observations']) {
        const res = await t.api('reviewer', `/api/${register}${listQuery({ filter: { q } })}`);
        expect(res.status, `${register} q=${q}`).toBe(200);
        expect(await json(res), `${register} q=${q}`).toEqual([]);
      }
    }
    // The admin's search by the same name finds the file.
    const found = await json(await t.api('admin', `/api/cases${listQuery({ filter: { q: file.lawyer }, range: [0, 999] })}`));
    expect(found.map((r: any) => r.id)).toContain(file.caseId);
  });
});

describe('what a reviewer reads around the file', () => {
  it("a referenced record's title goes through the same redaction: the service point named after the firm", async () => {
    const { db } = t.database;
    const created = await t.api('admin', '/api/service-points', { method: 'POST', body: { name: `${file.firm}驻所受理点`, kind: 'intake_point', hostType: 'law_firm' } });
    expect(created.status).toBe(201);
    const point = await json(created);
    await db.updateTable('cases').set({ servicePointId: Number(point.id) }).where('id', '=', file.caseId).execute();
    const one = await json(await t.api('reviewer', `/api/cases/${file.caseId}`));
    expect(one.servicePointId).toBe(Number(point.id));
    expect(one.$titles.servicePointId).toBe(`${HIDDEN}驻所受理点`);
    const listed = await json(await t.api('reviewer', `/api/cases${listQuery({ filter: { id: [file.caseId] } })}`));
    expect(listed[0].$titles.servicePointId).toBe(`${HIDDEN}驻所受理点`);
    scrubbed(JSON.stringify(listed[0].$titles), 'titles');
    // The spreadsheet of the same list names it the same way.
    const csv = await t.api('reviewer', `/api/cases/export.csv${listQuery({ filter: { id: [file.caseId] } })}`);
    expect(csv.status).toBe(200);
    const sheet = await csv.text();
    expect(sheet).toContain(`${HIDDEN}驻所受理点`);
    expect(sheet).not.toContain(file.short);
    // An admin reads the case as it is, and fetches the service point's own title.
    const admin = await json(await t.api('admin', `/api/cases/${file.caseId}`));
    expect(admin.$titles).toBeUndefined();
  });

  it("the review's round by name (the round's own fields only), not its sample, reviewers or progress", async () => {
    const me = await t.database.db.selectFrom('user').select('id').where('email', '=', 'reviewer@fayuan.test').executeTakeFirstOrThrow();
    const [review] = await json(await t.api('reviewer', `/api/peer-reviews${listQuery({ filter: { caseId: file.caseId } })}`));
    const round = await t.api('reviewer', `/api/peer-review-rounds/${review.roundId}`);
    expect(round.status).toBe(200);
    const seen = await json(round);
    expect(seen.name).toBeTruthy();
    expect([seen.reviewers, seen.sample, seen.seed, seen.results]).toEqual([null, null, null, null]);
    const rounds = await json(await t.api('reviewer', '/api/peer-review-rounds'));
    const mine = await t.database.db.selectFrom('peer_reviews as r').innerJoin('peer_review_rounds as p', 'p.id', 'r.roundId').select('p.id')
      .where('r.reviewerId', '=', me.id).where('p.status', 'in', ['reviewing', 'deciding']).execute();
    expect(rounds.map((r: any) => r.id).sort()).toEqual([...new Set(mine.map((r) => Number(r.id)))].sort());
    const other = await t.database.db.selectFrom('peer_review_rounds').select('id').where('id', 'not in', mine.map((r) => Number(r.id))).executeTakeFirstOrThrow();
    expect((await t.api('reviewer', `/api/peer-review-rounds/${other.id}`)).status).toBe(404);
    expect((await t.api('reviewer', `/api/peer-review-rounds/${review.roundId}/progress`)).status).toBe(403);
    expect((await t.api('reviewer', `/api/peer-review-rounds/${review.roundId}/workflow`)).status).toBe(200);
  });

  it("the review's audit trail names its reviewer by name for the admin", async () => {
    const me = await t.database.db.selectFrom('user').select(['id', 'name']).where('email', '=', 'reviewer@fayuan.test').executeTakeFirstOrThrow();
    const [review] = await json(await t.api('reviewer', `/api/peer-reviews${listQuery({ filter: { caseId: file.caseId } })}`));
    const entries = await json(await t.api('admin', `/api/audit-log${listQuery({ filter: { resource: 'peer-reviews', recordId: String(review.id) } })}`));
    const changes = entries.flatMap((e: any) => e.readable.changes).filter((c: any) => c.field.zh === '评估专家');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((c: any) => c.after?.zh)).toContain(me.name);
    expect(JSON.stringify(changes)).not.toContain(me.id);
  });
});
