// Peer evaluation rounds on a real database: reproducible stratified samples, assignments that never
// give a reviewer their own or their firm's file (re-checks included), fail → two more → majority,
// reviewers confined to their assignments with the lawyer withheld in a blind round, and publishing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, totalOf, type TestFayuan } from '../../../test/support/fayuan.js';
import { conflictOf, decideGrade, drawSample, type Candidate } from '../server/sampling.js';

type Json = Record<string, any>;
let t: TestFayuan;
const json = async (res: Response) => (await res.json()) as any;

beforeAll(async () => {
  t = await startTestFayuan({ cases: 160, plugins: ['case-files', 'hearing-observation', 'return-visits', 'peer-evaluation', 'case-file-pdf'] });
}, 120_000);
afterAll(async () => t?.close());

describe('sampling', () => {
  const pool: Candidate[] = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, caseType: ['civil', 'criminal', 'administrative'][i % 3], lawyerId: (i % 12) + 1 }));
  it('the same seed gives the same sample, another seed another', () => {
    const rule = { mode: 'percent' as const, size: 20 };
    expect(drawSample(pool, rule, 42)).toEqual(drawSample(pool, rule, 42));
    expect(drawSample(pool, rule, 43)).not.toEqual(drawSample(pool, rule, 42));
  });
  it('takes the quota of each case type and a file of every lawyer where the quotas allow', () => {
    const sample = drawSample(pool, { mode: 'number', size: 4 }, 7);
    const byType = (type: string) => sample.filter((id) => pool[id - 1].caseType === type).length;
    expect([byType('civil'), byType('criminal'), byType('administrative')]).toEqual([4, 4, 4]);
    expect(new Set(sample.map((id) => pool[id - 1].lawyerId)).size).toBe(12); // 12 files, 12 lawyers
    expect(drawSample(pool, { mode: 'percent', size: 10 }, 7)).toHaveLength(6); // ceil(20 × 10 %) per type
  });
  it('the majority of three decides; three different grades give the middle one', () => {
    expect(decideGrade(['fail', 'pass', 'pass'])).toBe('pass');
    expect(decideGrade(['fail', 'fail', 'good'])).toBe('fail');
    expect(decideGrade(['fail', 'good', 'excellent'])).toBe('good');
    expect(decideGrade(['excellent'])).toBe('excellent');
  });
});

async function reviewersById(): Promise<Map<string, { lawyerId: number | null; firmId: number | null }>> {
  const rows = await t.database.db.selectFrom('user').leftJoin('lawyers', 'lawyers.id', 'user.lawyerId').select(['user.id', 'user.lawyerId', 'lawyers.lawFirmId'])
    .where('user.role', '=', 'reviewer').execute();
  return new Map(rows.map((r: Json) => [String(r.id), { lawyerId: r.lawyerId == null ? null : Number(r.lawyerId), firmId: r.lawFirmId == null ? null : Number(r.lawFirmId) }]));
}

async function assertNoConflicts(roundId: number) {
  const reviewers = await reviewersById();
  const rows = await t.database.db.selectFrom('peer_reviews as r').innerJoin('cases as c', 'c.id', 'r.caseId').leftJoin('lawyers as l', 'l.id', 'c.lawyerId')
    .select(['r.id', 'r.reviewerId', 'r.caseId', 'c.lawyerId', 'l.lawFirmId']).where('r.roundId', '=', roundId).execute();
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const reviewer = reviewers.get(String(r.reviewerId))!;
    expect(conflictOf({ userId: String(r.reviewerId), ...reviewer }, { caseId: Number(r.caseId), lawyerId: r.lawyerId == null ? null : Number(r.lawyerId), firmId: r.lawFirmId == null ? null : Number(r.lawFirmId) })).toBeNull();
  }
  return rows;
}

describe('the demo rounds', () => {
  it('one published round whose grades are on the cases (audited as peer-grade), one under review with files for the demo reviewer', async () => {
    const rounds = await json(await t.api('admin', '/api/peer-review-rounds'));
    const published = rounds.find((r: Json) => r.status === 'published');
    const reviewing = rounds.find((r: Json) => r.status === 'reviewing');
    expect(published && reviewing).toBeTruthy();
    for (const [caseId, grade] of Object.entries(published.results as Record<string, string>)) {
      const c = await json(await t.api('admin', `/api/cases/${caseId}`));
      expect(c.qualityGrade).toBe(grade);
    }
    const audit = await t.database.db.selectFrom('audit_log').select(['recordId']).where('resource', '=', 'cases').where('action', '=', 'peer-grade').execute();
    expect(audit.map((a) => Number(a.recordId)).sort()).toEqual(Object.keys(published.results).map(Number).sort());
    const mine = await json(await t.api('reviewer', `/api/peer-reviews${listQuery({ filter: { status: 'assigned' } })}`));
    expect(mine.length).toBeGreaterThan(0);
    await assertNoConflicts(published.id);
    await assertNoConflicts(reviewing.id);
    const progress = await json(await t.api('admin', `/api/peer-review-rounds/${reviewing.id}/progress`));
    console.log('demo round under review:', JSON.stringify(progress));
  });
});

const FULL = async () => {
  const form = await t.database.db.selectFrom('forms').select(['definition']).where('key', '=', 'peer-evaluation').where('status', '=', 'published').executeTakeFirstOrThrow();
  const definition = typeof form.definition === 'string' ? JSON.parse(form.definition) : form.definition;
  return (share: number) => Object.fromEntries(definition.sections.flatMap((s: Json) => s.items).filter((i: Json) => i.kind === 'score').map((i: Json) => [i.id, Math.round(i.max * share)]));
};

describe('a round through the API', () => {
  let round: Json;
  let reviewerIds: string[];
  const move = (action: string, body: Json = {}, role: 'admin' | 'supervisor' = 'admin') => t.api(role, `/api/peer-review-rounds/${round.id}/transitions/${action}`, { method: 'POST', body });

  it('refuses as reviewers users without the reviewer role, and ids that are not users, with 400 on the field', async () => {
    const { db } = t.database;
    const lawyer = await db.selectFrom('user').select('id').where('role', '=', 'lawyer').executeTakeFirstOrThrow();
    const [reviewer] = [...(await reviewersById()).keys()];
    for (const reviewers of [[{ userId: lawyer.id }], [{ userId: reviewer }, { userId: 'no-such-user' }], [{ userId: 42 }]]) {
      const res = await t.api('admin', '/api/peer-review-rounds', { method: 'POST', body: { name: '错误专家', closedFrom: '2000-01-01', closedTo: '2000-12-31', sampleMode: 'number', sampleSize: 1, reviewers } });
      expect(res.status, JSON.stringify(reviewers)).toBe(400);
      const body = await json(res);
      expect(body.errors.reviewers, JSON.stringify(body)).toBeTruthy();
    }
  });

  it('sample: the seed recorded, the same seed the same files, another seed replaces them until confirmed', async () => {
    reviewerIds = [...(await reviewersById()).keys()];
    const closedTo = new Date().toISOString().slice(0, 10);
    const res = await t.api('admin', '/api/peer-review-rounds', { method: 'POST', body: { name: '测试轮次', closedFrom: '2000-01-01', closedTo, sampleMode: 'number', sampleSize: 3, reviewers: reviewerIds.map((userId) => ({ userId })), blind: true } });
    round = await json(res);
    expect(res.status, JSON.stringify(round)).toBe(201);
    expect(round.status).toBe('draft');
    expect((await move('sample', { seed: 7 }, 'supervisor')).status).toBe(403);
    expect((await move('sample', { seed: -1 })).status).toBe(422);
    const first = await json(await move('sample', { seed: 7 }));
    const sampled = await json(await t.api('admin', `/api/peer-review-rounds/${round.id}`));
    expect([sampled.status, sampled.seed]).toEqual(['sampled', 7]);
    const other = await json(await t.api('admin', `/api/peer-review-rounds/${(await move('sample', { seed: 8 }).then(json)).id}`));
    expect(other.seed).toBe(8);
    await move('sample', { seed: 7 });
    const again = await json(await t.api('admin', `/api/peer-review-rounds/${round.id}`));
    expect(again.sample).toEqual(sampled.sample);
    expect(other.sample).not.toEqual(sampled.sample);
    expect(first.id).toBe(round.id);
    expect((await move('start')).status).toBe(409); // not confirmed
  });

  it('confirm assigns every file to a reviewer who is neither its lawyer nor of its firm; the sample is then fixed', async () => {
    // One reviewer is made the lawyer of a sampled file, so the rule has something to refuse.
    const sampled = await json(await t.api('admin', `/api/peer-review-rounds/${round.id}`));
    const file = await t.database.db.selectFrom('cases').select(['lawyerId']).where('id', '=', sampled.sample[0]).executeTakeFirstOrThrow();
    const expert = reviewerIds.find((id) => id !== reviewerIds[0])!;
    await t.database.db.updateTable('user').set({ lawyerId: file.lawyerId }).where('id', '=', expert).execute();
    expect((await move('confirm')).status).toBe(200);
    const rows = await assertNoConflicts(round.id);
    expect(rows.map((r) => Number(r.caseId)).sort((a, b) => a - b)).toEqual(sampled.sample);
    expect((await move('sample', { seed: 9 })).status).toBe(409);
    // Load balanced: no reviewer has two more than another (where the rules allow).
    const load = new Map<string, number>();
    for (const r of rows) load.set(String(r.reviewerId), (load.get(String(r.reviewerId)) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(2);
    // An admin override onto the conflicting reviewer needs a reason, and is audited with it.
    const own = rows.find((r) => Number(r.lawyerId) === Number(file.lawyerId))!;
    expect((await t.api('admin', `/api/peer-reviews/${own.id}/reassign`, { method: 'POST', body: { reviewerId: expert } })).status).toBe(422);
    expect((await t.api('supervisor', `/api/peer-reviews/${own.id}/reassign`, { method: 'POST', body: { reviewerId: expert, reason: 'x' } })).status).toBe(403);
    const forced = await t.api('admin', `/api/peer-reviews/${own.id}/reassign`, { method: 'POST', body: { reviewerId: expert, reason: '本地仅此一位刑事专家' } });
    expect(forced.status).toBe(200);
    const entry = await t.database.db.selectFrom('audit_log').select(['changes']).where('resource', '=', 'peer-reviews').where('recordId', '=', String(own.id)).where('action', '=', 'override-conflict').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.changes as string)).toMatchObject({ reason: '本地仅此一位刑事专家', conflict: 'own_case' });
    // Back to a reviewer without the conflict for the rest of the test.
    const clean = reviewerIds.find((id) => id !== expert && id !== String(own.reviewerId)) ?? String(own.reviewerId);
    await t.api('admin', `/api/peer-reviews/${own.id}/reassign`, { method: 'POST', body: { reviewerId: String(own.reviewerId) === expert ? clean : String(own.reviewerId) } });
    expect((await move('start')).status).toBe(200);
  });

  it('the reviewer reaches only the assigned files; in a blind round the lawyer is withheld on every path', async () => {
    const { db } = t.database;
    const me = await db.selectFrom('user').select('id').where('email', '=', 'reviewer@fayuan.test').executeTakeFirstOrThrow();
    const mine = (await db.selectFrom('peer_reviews as r').innerJoin('peer_review_rounds as p', 'p.id', 'r.roundId').select('r.caseId')
      .where('r.reviewerId', '=', me.id).where('p.status', 'in', ['reviewing', 'deciding']).execute()).map((r) => Number(r.caseId));
    expect(mine.length).toBeGreaterThan(0);
    const other = await db.selectFrom('cases').select(['id', 'lawyerId']).where('id', 'not in', mine).where('lawyerId', 'is not', null).limit(1).executeTakeFirstOrThrow();
    const listed = await t.api('reviewer', `/api/cases${listQuery({ range: [0, 999] })}`);
    const rows = await json(listed);
    expect(rows.map((r: Json) => r.id).sort((a: number, b: number) => a - b)).toEqual([...new Set(mine)].sort((a, b) => a - b));
    expect(totalOf(listed)).toBe(new Set(mine).size);
    for (const r of rows) {
      expect(r.lawyerId).toBeNull();
      expect(r.applicantIdNumber ?? '').not.toMatch(/^\d{17}[\dX]$/); // masked
      if (r.applicantPhone) expect(r.applicantPhone).toContain('*');
    }
    const one = await json(await t.api('reviewer', `/api/cases/${mine[0]}`));
    expect(one.lawyerId).toBeNull();
    expect((await t.api('reviewer', `/api/cases/${other.id}`)).status).toBe(404);
    const many = await json(await t.api('reviewer', `/api/cases${listQuery({ filter: { id: [mine[0], other.id] } })}`));
    expect(many.map((r: Json) => r.id)).toEqual([mine[0]]);
    // The lawyer cannot be found out by filter, sort or search either.
    const stored = await db.selectFrom('cases').innerJoin('lawyers', 'lawyers.id', 'cases.lawyerId').select(['cases.lawyerId', 'lawyers.name']).where('cases.id', '=', mine[0]).executeTakeFirstOrThrow();
    expect((await t.api('reviewer', `/api/cases${listQuery({ filter: { lawyerId: stored.lawyerId } })}`)).status).toBe(403);
    expect((await t.api('reviewer', `/api/cases${listQuery({ sort: ['lawyerId', 'ASC'] })}`)).status).toBe(403);
    const searched = await json(await t.api('reviewer', `/api/cases${listQuery({ filter: { q: String(stored.name) } })}`));
    for (const r of searched) expect(r.lawyerId).toBeNull();
    // The case history (workflow) shows no transitions to a reviewer.
    const workflow = await json(await t.api('reviewer', `/api/cases/${mine[0]}/workflow`));
    expect(workflow.history).toEqual([]);
    expect((await t.api('reviewer', `/api/cases/${other.id}/workflow`)).status).toBe(404);
    // Work log, files, checklist, observations and visits: the assigned cases only.
    for (const register of ['case-activities', 'case-files', 'hearing-observations', 'return-visits']) {
      const res = await t.api('reviewer', `/api/${register}${listQuery({ range: [0, 999] })}`);
      expect(res.status, register).toBe(200);
      for (const r of await json(res)) expect(mine, register).toContain(Number(r.caseId));
      const theirs = await json(await t.api('reviewer', `/api/${register}${listQuery({ filter: { caseId: other.id } })}`));
      expect(theirs, register).toEqual([]);
    }
    for (const r of await json(await t.api('reviewer', `/api/case-files${listQuery({ range: [0, 999] })}`))) expect(r.uploadedBy ?? null).toBeNull();
    for (const caseId of mine) {
      const checklist = await json(await t.api('reviewer', `/api/cases/${caseId}/checklist`));
      for (const item of checklist.items) for (const f of item.files) expect(f.uploadedBy ?? null).toBeNull();
    }
    expect((await t.api('reviewer', `/api/cases/${other.id}/checklist`)).status).toBe(404);
    const foreignFile = await db.selectFrom('case_files').select('id').where('caseId', '=', other.id).limit(1).executeTakeFirst();
    if (foreignFile) expect((await t.api('reviewer', `/api/case-files/${foreignFile.id}/download`)).status).toBe(404);
    // The PDF: refused outside the assignments, and without the lawyer inside them.
    expect((await t.api('reviewer', `/api/cases/${other.id}/case-file.pdf`)).status).toBe(404);
    // The PDF reads the case through the same records.get, so its lawyer and firm lines stay empty.
    const pdf = await t.api('reviewer', `/api/cases/${mine[0]}/case-file.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Other reviewers' reviews are out of reach.
    const foreignReview = await db.selectFrom('peer_reviews').select('id').where('reviewerId', '!=', me.id).limit(1).executeTakeFirstOrThrow();
    expect((await t.api('reviewer', `/api/peer-reviews/${foreignReview.id}`)).status).toBe(404);
  });

  it('a fail gets two re-checks by other eligible reviewers; the majority decides; publishing sets the grades, audited', async () => {
    const { db } = t.database;
    const answers = await FULL();
    const reviews = await db.selectFrom('peer_reviews').selectAll().where('roundId', '=', round.id).orderBy('id').execute();
    const emailOf = new Map((await db.selectFrom('user').select(['id', 'email']).execute()).map((u) => [String(u.id), String(u.email)]));
    const asReviewer = async (review: Json, share: number, extra: Json = {}) => {
      const cookie = await signIn(emailOf.get(String(review.reviewerId))!);
      const { reviewerId: _r, conflictOverride: _c, ...seen } = review;
      return t.fayuan.app.request(`/api/peer-reviews/${review.id}`, { method: 'PUT', headers: { cookie, origin: 'http://localhost:3000', 'content-type': 'application/json' }, body: JSON.stringify({ ...seen, answers: answers(share), comments: '意见', ...extra }) });
    };
    expect((await move('decide')).status).toBe(422); // reviews open
    // A fourth reviewer (no practice) so each file has two others free of conflict for its re-checks.
    const fourth = await t.fayuan.auth.api.createUser({ body: { email: 'expert4@fayuan.test', password: 'test-password-123', name: '王评估', role: 'reviewer' as 'admin' } });
    const stored = await db.selectFrom('peer_review_rounds').select('reviewers').where('id', '=', round.id).executeTakeFirstOrThrow();
    const listed = [...JSON.parse(String(stored.reviewers)), { userId: fourth.user.id }];
    await db.updateTable('peer_review_rounds').set({ reviewers: JSON.stringify(listed) }).where('id', '=', round.id).execute();
    emailOf.set(String(fourth.user.id), 'expert4@fayuan.test');
    const [failing, ...rest] = reviews;
    expect((await asReviewer(failing, 0.3, { score: 100, grade: 'excellent' })).status).toBe(422); // the client never scores
    const res = await asReviewer(failing, 0.3);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await json(res)).grade).toBe('fail'); // the server's score, not the client's
    for (const r of rest) expect((await asReviewer(r, 0.85)).status).toBe(200);
    const rechecks = await db.selectFrom('peer_reviews').selectAll().where('recheckOf', '=', failing.id).execute();
    expect(rechecks).toHaveLength(2);
    expect(new Set([failing.reviewerId, ...rechecks.map((r) => r.reviewerId)]).size).toBe(3);
    await assertNoConflicts(round.id);
    expect(rechecks.every((r) => Number(r.caseId) === Number(failing.caseId))).toBe(true);
    await asReviewer(rechecks[0], 0.65); // pass
    await asReviewer(rechecks[1], 0.3); // fail → fail, pass, fail: fail
    expect((await move('decide')).status).toBe(200);
    const decided = await json(await t.api('admin', `/api/peer-review-rounds/${round.id}`));
    expect(decided.results[failing.caseId]).toBe('fail');
    expect(decided.results[rest[0].caseId]).toBe('good');
    expect((await move('publish', {}, 'supervisor')).status).toBe(403);
    expect((await move('publish')).status).toBe(200);
    for (const [caseId, grade] of Object.entries(decided.results)) {
      expect((await db.selectFrom('cases').select('qualityGrade').where('id', '=', Number(caseId)).executeTakeFirstOrThrow()).qualityGrade).toBe(grade);
    }
    const audited = await db.selectFrom('audit_log').select(['actorEmail', 'changes']).where('resource', '=', 'cases').where('recordId', '=', String(failing.caseId)).where('action', '=', 'peer-grade').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audited.changes as string).qualityGrade[1]).toBe('fail');
    // Nobody writes the grade by PUT.
    const c = await json(await t.api('admin', `/api/cases/${failing.caseId}`));
    const put = await t.api('supervisor', `/api/cases/${failing.caseId}`, { method: 'PUT', body: { ...c, qualityGrade: 'excellent' } });
    expect((await db.selectFrom('cases').select('qualityGrade').where('id', '=', Number(failing.caseId)).executeTakeFirstOrThrow()).qualityGrade).toBe('fail');
    expect(put.status).not.toBe(500);
    // The file's lawyer sees the published grades and comments, without the reviewers' names (blind).
    const lawyerOf = await db.selectFrom('cases').select('lawyerId').where('id', '=', Number(failing.caseId)).executeTakeFirstOrThrow();
    await db.updateTable('user').set({ lawyerId: lawyerOf.lawyerId }).where('email', '=', 'lawyer@fayuan.test').execute();
    const seen = await json(await t.api('lawyer', `/api/peer-reviews${listQuery({ filter: { caseId: failing.caseId, roundId: round.id } })}`));
    expect(seen).toHaveLength(3);
    for (const r of seen) expect([r.reviewerId, r.comments]).toEqual([null, '意见']);
    // After publishing the reviewer no longer reaches the file.
    expect((await t.api('reviewer', `/api/cases/${failing.caseId}`)).status).toBe(404);
  });
});

async function signIn(email: string): Promise<string> {
  if (email === 'reviewer@fayuan.test') return t.cookieOf('reviewer');
  // The demo's experts have random passwords: set a known one through better-auth's admin API.
  const user = await t.database.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const ctx = await t.fayuan.auth.$context;
  const hash = await ctx.password.hash('test-password-123');
  await t.database.db.updateTable('account').set({ password: hash }).where('userId', '=', user.id).execute();
  const res = await t.fayuan.app.request('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' }, body: JSON.stringify({ email, password: 'test-password-123' }) });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
