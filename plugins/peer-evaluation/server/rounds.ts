// A round's life (草稿 → 已抽样 → 评估中 → 待决定 → 已公布) on the core's state machine and
// workflow routes, and the work each move does in its transaction.
import { z } from 'zod';
import {
  addDays, closedCaseStatuses, defineStateMachine, noPayload, said, type Actor, type MoveContext, type Records, type Row, type WorkflowOptions, type WorkflowProblem,
} from '../../../api/plugin-kit.js';
import { roundStates } from './declarations.js';
import { conflictOf, decideGrade, drawSample, pickReviewer, type FileToReview, type Reviewer } from './sampling.js';

const admin = { label: { zh: '中心管理员', en: 'a centre admin' }, is: (_row: Row, actor: { role: string }) => actor.role === 'admin' };

export const roundMachine = defineStateMachine({
  resource: 'peer-review-rounds',
  noun: { zh: '评估轮次', en: 'round' },
  states: roundStates,
  performers: { admin },
  actions: {
    sample: {
      from: ['draft', 'sampled'], to: 'sampled', who: ['admin'], stamps: null, label: { zh: '抽样', en: 'Sample' },
      payload: z.object({ seed: z.number({ error: said({ zh: '随机种子应为 0 至 2147483647 的整数', en: 'The seed must be an integer 0 to 2147483647' }) }).int().min(0).max(2147483647).optional() }),
      writes: ['seed'],
      // No seed given: one drawn now, and recorded, so the sample can be drawn again the same.
      derive: (_row, payload) => ({ seed: payload.seed ?? Math.floor(Math.random() * 2147483647) }),
      unless: (row) => (row.confirmedAt ? { rule: 'peer.sample_confirmed', message: { zh: '抽样已确认，不能重新抽样', en: 'The sample is confirmed and cannot be drawn again' } } : null),
    },
    confirm: {
      from: ['sampled'], to: null, who: ['admin'], stamps: 'confirmedAt', label: { zh: '确认抽样并分配', en: 'Confirm and assign' }, payload: noPayload, writes: [],
      unless: (row) => (row.confirmedAt ? { rule: 'peer.sample_confirmed', message: { zh: '抽样已确认', en: 'The sample is already confirmed' } } : null),
    },
    start: {
      from: ['sampled'], to: 'reviewing', who: ['admin'], stamps: null, label: { zh: '开始评估', en: 'Start reviewing' }, payload: noPayload, writes: [],
      unless: (row) => (row.confirmedAt ? null : { rule: 'peer.not_confirmed', message: { zh: '请先确认抽样', en: 'Confirm the sample first' } }),
    },
    decide: { from: ['reviewing'], to: 'deciding', who: ['admin'], stamps: null, label: { zh: '评定等次', en: 'Decide the grades' }, payload: noPayload, writes: [] },
    publish: { from: ['deciding'], to: 'published', who: ['admin'], stamps: 'publishedAt', label: { zh: '公布', en: 'Publish' }, payload: noPayload, writes: [] },
  },
});

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** The closed files in the round's scope: its case types (all if none), closed within its dates (China time). */
export async function candidates(trx: any, round: Row) {
  const types = (json(round.caseTypes) as string[] | null) ?? [];
  let query = trx.selectFrom('cases').select(['id', 'caseType', 'lawyerId']).where('status', 'in', closedCaseStatuses)
    .where('closedAt', '>=', new Date(`${round.closedFrom}T00:00:00+08:00`).toISOString() as any)
    .where('closedAt', '<', new Date(new Date(`${round.closedTo}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() as any);
  if (types.length) query = query.where('caseType', 'in', types);
  const rows = await query.orderBy('id').execute();
  return rows.map((r: Row) => ({ id: Number(r.id), caseType: String(r.caseType), lawyerId: r.lawyerId === null ? null : Number(r.lawyerId) }));
}

export async function reviewersOf(trx: any, round: Row): Promise<Reviewer[]> {
  const ids = ((json(round.reviewers) as { userId: string }[] | null) ?? []).map((r) => String(r.userId));
  if (!ids.length) return [];
  const users = await trx.selectFrom('user').leftJoin('lawyers', 'lawyers.id', 'user.lawyerId')
    .select(['user.id as userId', 'user.lawyerId as lawyerId', 'lawyers.lawFirmId as firmId']).where('user.id', 'in', ids).where('user.role', '=', 'reviewer').execute();
  const byId = new Map(users.map((u: Row) => [String(u.userId), u]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const u = byId.get(id) as Row;
    return { userId: id, lawyerId: u.lawyerId == null ? null : Number(u.lawyerId), firmId: u.firmId == null ? null : Number(u.firmId) };
  });
}

export async function fileOf(trx: any, caseId: number): Promise<FileToReview> {
  const row = await trx.selectFrom('cases').leftJoin('lawyers', 'lawyers.id', 'cases.lawyerId').select(['cases.lawyerId', 'lawyers.lawFirmId'])
    .where('cases.id', '=', caseId).executeTakeFirstOrThrow();
  return { caseId, lawyerId: row.lawyerId == null ? null : Number(row.lawyerId), firmId: row.lawFirmId == null ? null : Number(row.lawFirmId) };
}

/** The reviewers' current load in the round (their reviews). */
async function loadOf(trx: any, roundId: number): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('peer_reviews').select(['reviewerId']).where('roundId', '=', roundId).execute();
  const load = new Map<string, number>();
  for (const r of rows) if (r.reviewerId) load.set(String(r.reviewerId), (load.get(String(r.reviewerId)) ?? 0) + 1);
  return load;
}

const unassigned = (ids: number[]): WorkflowProblem => ({
  rule: 'peer.unassigned',
  message: {
    zh: `${ids.length} 份评估表没有符合回避规则的评估专家（不能评本人或本所的案件），请增加评估专家或由管理员说明理由后指定`,
    en: `${ids.length} reviews have no reviewer free of conflict (never their own or their firm's file); add reviewers, or an admin assigns one with a reason`,
  },
  details: { reviews: ids },
});

export function roundEffects(records: Records) {
  const ctx = { records, resource: (name: string) => records.resource(name) };
  const reviews = () => ctx.resource('peer-reviews');
  const dueOn = (settings: Row, today: string) => addDays(today, Number(settings.peerReviewDueDays) || 14);

  /** Creates a review of one file by the least-loaded eligible reviewer (never their own or their firm's file). */
  async function assign(trx: any, round: Row, caseId: number, actor: Actor, m: MoveContext, recheckOf: number | null, exclude: Set<string>, load: Map<string, number>) {
    // No eligible reviewer: the review waits unassigned for an admin (start and decide wait for it).
    const reviewer = pickReviewer(await reviewersOf(trx, round), await fileOf(trx, caseId), load, exclude);
    return ctx.records.insert(reviews(), {
      roundId: Number(round.id), caseId, reviewerId: reviewer?.userId ?? null, status: 'assigned', recheckOf, dueOn: dueOn(m.settings, m.today), answers: {},
    }, actor, { action: recheckOf ? 'recheck' : 'assign', trx });
  }

  return {
    async effects(m: MoveContext & { before: Row; after: Row }) {
      const { trx, after, actor } = m;
      const roundId = Number(after.id);
      if (m.action === 'sample') {
        const sample = drawSample(await candidates(trx, after), { mode: after.sampleMode as 'percent' | 'number', size: Number(after.sampleSize) }, Number(after.seed));
        await ctx.records.change(ctx.resource('peer-review-rounds'), roundId, actor, { action: 'draw', plan: () => ({ sample }), note: { seed: Number(after.seed) } }, trx);
      }
      if (m.action === 'confirm') {
        const load = await loadOf(trx, roundId);
        for (const caseId of json(after.sample) as number[]) await assign(trx, after, caseId, actor, m, null, new Set(), load);
      }
      if (m.action === 'decide') {
        const rows = await trx.selectFrom('peer_reviews').select(['id', 'caseId', 'grade', 'recheckOf']).where('roundId', '=', roundId).orderBy('id').execute();
        const results: Record<string, string | null> = {};
        for (const caseId of json(after.sample) as number[]) results[caseId] = decideGrade(rows.filter((r: Row) => Number(r.caseId) === caseId).map((r: Row) => String(r.grade)));
        await ctx.records.change(ctx.resource('peer-review-rounds'), roundId, actor, { action: 'results', plan: () => ({ results }) }, trx);
      }
      if (m.action === 'publish') {
        const results = json(after.results) as Record<string, string | null>;
        for (const [caseId, grade] of Object.entries(results)) {
          if (grade) await ctx.records.change(ctx.resource('cases'), Number(caseId), actor, { action: 'peer-grade', plan: () => ({ qualityGrade: grade }), note: { round: roundId } }, trx);
        }
      }
    },
    async guards(m: MoveContext): Promise<WorkflowProblem[]> {
      if (m.action === 'confirm') {
        const sample = (json(m.row.sample) as number[] | null) ?? [];
        if (!sample.length) return [{ rule: 'peer.empty_sample', message: { zh: '抽样结果为空', en: 'The sample is empty' } }];
        if (!(await reviewersOf(m.trx, m.row)).length) return [{ rule: 'peer.no_reviewers', message: { zh: '请先选择评估专家', en: 'Choose the reviewers first' } }];
      }
      if (m.action === 'start' || m.action === 'decide') {
        const waiting = await m.trx.selectFrom('peer_reviews').select('id').where('roundId', '=', Number(m.row.id)).where('reviewerId', 'is', null).execute();
        if (waiting.length) return [unassigned(waiting.map((r: Row) => Number(r.id)))];
      }
      if (m.action === 'decide') {
        const open = await m.trx.selectFrom('peer_reviews').select('id').where('roundId', '=', Number(m.row.id)).where('status', '=', 'assigned').execute();
        if (open.length) return [{ rule: 'peer.reviews_open', message: { zh: `还有 ${open.length} 份评估未完成`, en: `${open.length} reviews are not scored yet` }, details: { open: open.map((r: Row) => Number(r.id)) } }];
      }
      return [];
    },
    /** A first review graded fail gets two re-checks by other eligible reviewers. */
    async recheckIfFailed(trx: any, review: Row, actor: Actor, settings: Row, today: string) {
      if (review.grade !== 'fail' || review.recheckOf) return;
      const round = await trx.selectFrom('peer_review_rounds').selectAll().where('id', '=', Number(review.roundId)).executeTakeFirstOrThrow();
      const done = await trx.selectFrom('peer_reviews').select('reviewerId').where('roundId', '=', Number(review.roundId)).where('caseId', '=', Number(review.caseId)).execute();
      if (done.length >= 3) return;
      const exclude = new Set<string>(done.map((r: Row) => String(r.reviewerId)));
      const load = await loadOf(trx, Number(round.id));
      const m = { settings, today } as MoveContext;
      for (let i = done.length; i < 3; i++) {
        const created = await assign(trx, round, Number(review.caseId), actor, m, Number(review.id), exclude, load);
        if (created.reviewerId) exclude.add(String(created.reviewerId));
      }
    },
    conflictOf,
    fileOf,
    reviewersOf,
    candidates,
    drawSample,
  };
}

/** The round's workflow options: the routes' and the demo's moves share them. */
export function roundWorkflow(records: Records): WorkflowOptions {
  const e = roundEffects(records);
  return {
    guards: (m) => e.guards(m),
    effects: (m) => e.effects(m),
    conflict: { zh: '该评估轮次已被他人修改，请刷新后重试', en: 'Someone else changed this round; reload and try again' },
  };
}
