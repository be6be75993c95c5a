// Demo rounds over the demo year, moved by the round's own workflow: one published (its grades on
// the cases), one under review in which reviewer@fayuan.test has files waiting to be scored.
import { closedCaseStatuses, currentFormRevision, moveRecord, systemActor, type Answers, type PluginContext, type Row } from '../../../api/plugin-kit.js';
import { FORM_KEY } from './declarations.js';
import { roundMachine, roundWorkflow } from './rounds.js';

const EXPERTS = [
  { email: 'expert1@fayuan.test', name: '吴评估' },
  { email: 'expert2@fayuan.test', name: '郑评估' },
  { email: 'expert3@fayuan.test', name: '冯评估' },
];

/** Full marks on every item scaled by `share` (so the grade follows the share). */
function answersFor(definition: any, share: number): Answers {
  const answers: Answers = {};
  for (const section of definition.sections) for (const item of section.items) {
    if (item.kind === 'score') answers[item.id] = Math.round(item.max * share / (item.step ?? 1)) * (item.step ?? 1);
  }
  return answers;
}

export async function seedDemoRounds(ctx: PluginContext): Promise<void> {
  const { db } = ctx.database;
  const form = await currentFormRevision(db, FORM_KEY);
  const reviewer = await db.selectFrom('user').select('id').where('email', '=', 'reviewer@fayuan.test').executeTakeFirst();
  if (!form || !reviewer) return;
  const lawyers = await db.selectFrom('lawyers').select('id').orderBy('id').execute();
  const ids = [String(reviewer.id)];
  for (const [i, expert] of EXPERTS.entries()) {
    const existing = await db.selectFrom('user').select('id').where('email', '=', expert.email).executeTakeFirst();
    if (existing) { ids.push(String(existing.id)); continue; }
    const lawyerId = i === 0 ? lawyers[lawyers.length - 1]?.id : undefined; // the first is also a practising lawyer (never reviews their own or their firm's files)
    const created = await ctx.auth.api.createUser({ body: { email: expert.email, password: `demo-${expert.email}-${Date.now()}`, name: expert.name, role: 'reviewer' as 'admin', data: lawyerId ? { lawyerId: Number(lawyerId) } : {} } });
    ids.push(String(created.user.id));
  }
  const closed = await db.selectFrom('cases').select(['closedAt']).where('status', 'in', closedCaseStatuses).where('closedAt', 'is not', null).orderBy('closedAt').execute();
  if (!closed.length) return;
  const iso = (v: unknown) => new Date(v as string).toISOString().slice(0, 10);
  const first = iso(closed[0].closedAt);
  const last = iso(closed[closed.length - 1].closedAt);
  const middle = iso(closed[Math.floor(closed.length / 2)].closedAt);
  const rounds = ctx.resource('peer-review-rounds');
  const reviews = ctx.resource('peer-reviews');
  const admin = { ...systemActor, role: 'admin' };
  const options = roundWorkflow(ctx.records);
  const move = (id: number, action: string, payload: Row = {}) => moveRecord(ctx.records, roundMachine, options, id, action, payload, admin);
  const score = async (roundId: number, share: (i: number, review: Row) => number, only?: (review: Row) => boolean) => {
    for (let pass = 0; pass < 2; pass++) { // the fails' re-checks are assigned when the fail is scored
      const open = await db.selectFrom('peer_reviews').selectAll().where('roundId', '=', roundId).where('status', '=', 'assigned').orderBy('id').execute();
      for (const [i, review] of open.entries()) {
        if (only && !only(review)) continue;
        const actor = { id: String(review.reviewerId), email: 'reviewer', role: 'reviewer', lawyerId: null };
        await ctx.records.update(reviews, Number(review.id), { answers: answersFor(form.definition, share(i, review)), comments: '卷宗材料完整，办案过程规范。', version: review.version }, actor);
      }
    }
  };

  // 1. Published: the first half of the year, 2 files per case type, blind.
  const published = await ctx.records.insert(rounds, {
    name: '上半年同行评估', periodFrom: first, periodTo: middle, closedFrom: first, closedTo: middle, sampleMode: 'number', sampleSize: 2, reviewers: ids.map((userId) => ({ userId })), blind: true, status: 'draft',
  }, admin);
  await move(Number(published.id), 'sample', { seed: 20260601 });
  await move(Number(published.id), 'confirm');
  await move(Number(published.id), 'start');
  // Most files good or excellent; the third scored fails and is re-checked (pass, pass → pass).
  await score(Number(published.id), (i, r) => (r.recheckOf ? 0.7 : i === 2 ? 0.4 : i % 2 ? 0.95 : 0.85));
  await move(Number(published.id), 'decide');
  await move(Number(published.id), 'publish');

  // 2. Under review: the second half, 5 % per type (20 per type for a big demo: a round is what
  // four reviewers can read), blind; the demo reviewer's files still open.
  const sample = closed.length > 4000 ? { sampleMode: 'number', sampleSize: 20 } : { sampleMode: 'percent', sampleSize: 5 };
  const open = await ctx.records.insert(rounds, {
    name: '下半年同行评估', periodFrom: middle, periodTo: last, closedFrom: middle, closedTo: last, ...sample, reviewers: ids.map((userId) => ({ userId })), blind: true, status: 'draft',
  }, admin);
  await move(Number(open.id), 'sample', { seed: 20261201 });
  await move(Number(open.id), 'confirm');
  await move(Number(open.id), 'start');
  await score(Number(open.id), () => 0.88, (r) => String(r.reviewerId) !== String(reviewer.id));
}
