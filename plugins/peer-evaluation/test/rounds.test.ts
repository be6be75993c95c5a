// Peer evaluation rounds on a real database: reproducible stratified samples, assignments that never
// give a reviewer their own or their firm's file (re-checks included), fail → two more → majority,
// reviewers confined to their assignments with the lawyer withheld in a blind round, and publishing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, totalOf, type TestFayuan } from '../../../test/support/fayuan.js';
import { conflictOf, decideGrade, drawSample, type Candidate } from '../server/sampling.js';
import { gatherCaseFile } from '../../case-file-pdf/server/gather.js';

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
