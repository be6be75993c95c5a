// 同行评估 (issue #12): rounds sampled reproducibly, files assigned to reviewers who are never the
// lawyer nor of the lawyer's firm, a fail re-checked twice, the grades published onto the cases.
import { Hono } from 'hono';
import {
  allowedActions, ApiError, definePlugin, describeRoute, idParameter, isDbId, jsonBody, recordId, refusalsOf, today, workflowRoutes,
  type AfterWrite, type Actor, type AppEnv, type PluginContext, type RedactionRule, type Row, type RowRule, type WithheldRule,
} from '../../../api/plugin-kit.js';
import { assignedReviews, reviews, rounds } from './declarations.js';
import { roundEffects, roundMachine, roundWorkflow } from './rounds.js';
import { progressOf } from './progress.js';
import { seedDemoRounds } from './demo.js';

/** The home page's part: the latest rounds with their actions and progress (admins, supervisors),
 *  or the reviewer's files waiting to be scored. */
async function homeOf(ctx: PluginContext, actor: Actor) {
  if (actor.role === 'reviewer') {
    const { rows } = await ctx.records.list(ctx.resource('peer-reviews'), { filter: { status: 'assigned' }, sort: ['id', 'ASC'], range: [0, 99] }, actor);
    return { myReviews: rows };
  }
  if (!['admin', 'supervisor'].includes(actor.role)) return null;
  const { rows } = await ctx.records.list(ctx.resource('peer-review-rounds'), { filter: {}, sort: ['id', 'DESC'], range: [0, 9] }, actor);
  const on = today();
  return {
    rounds: await Promise.all(rows.map(async (round) => ({
      round,
      actions: allowedActions(roundMachine, round, actor).map((name) => ({ name, label: roundMachine.actions[name].label })),
      progress: await progressOf(ctx.database.db, round, on),
    }))),
  };
}

/** The cases of the reviewer's open reviews (their rounds under review or awaiting the decision). */
const assignedCases = (field: string): RowRule => async (actor, db) => ({
  [field]: [...new Set((await assignedReviews(actor, db).select('r.caseId').execute()).map((r: Row) => Number(r.caseId)))],
});

/** In a blind round the reviewer never learns who handled the file: these fields are withheld on every path. */
const blindly = (fields: string[]): WithheldRule => async (actor, db) => {
  const rows = await assignedReviews(actor, db).select('p.blind').execute();
  return rows.some((r: Row) => Boolean(r.blind)) ? fields : [];
};

/**
 * In a blind round the file's lawyer and firm are also hidden in every text the reviewer reads (notes, file
 * names, comments, the case's own text): `caseIdOf` names the field that says which file a row belongs to.
 */
const blindWords = (caseIdOf: string): RedactionRule => async (actor, db) => {
  const rows = await assignedReviews(actor, db).innerJoin('cases as c', 'c.id', 'r.caseId').leftJoin('lawyers as l', 'l.id', 'c.lawyerId')
    .leftJoin('law_firms as f', 'f.id', 'l.lawFirmId').select(['r.caseId', 'p.blind', 'l.name as lawyer', 'f.name as firm']).execute();
  const byCase = new Map<number, string[]>();
  for (const r of rows as Row[]) {
    if (!r.blind) continue;
    byCase.set(Number(r.caseId), [...(byCase.get(Number(r.caseId)) ?? []), ...namesOf(r.lawyer, r.firm)]);
  }
  if (!byCase.size) return null;
  return { wordsOf: (row) => byCase.get(Number(row[caseIdOf])) ?? [], all: [...new Set([...byCase.values()].flat())] };
};

/** A lawyer by name; a firm by its full name and by its name without 律师事务所 (金清律师事务所 → 金清). */
function namesOf(lawyer: unknown, firm: unknown): string[] {
  const names = [lawyer, firm].filter((n): n is string => typeof n === 'string' && n.trim().length > 0).map((n) => n.trim());
  const short = typeof firm === 'string' ? firm.trim().replace(/律师事务所$/, '') : '';
  return short.length >= 2 && short !== firm ? [...names, short] : names;
}

function adminOnly(actor: Actor) {
  if (actor.role !== 'admin') throw new ApiError(403, { zh: '只有中心管理员可以指定评估专家', en: 'Only a centre admin assigns reviewers' });
}

const recheckAfterFail: AfterWrite = async (change, { trx, settings, records }) => {
  if (change.after?.status !== 'submitted' || change.before?.status === 'submitted') return;
  await roundEffects(records).recheckIfFailed(trx, change.after, change.actor, settings, today());
};
reviews.hooks!.afterWrite = [recheckAfterFail];

export default definePlugin({
  name: 'peer-evaluation',
  label: { zh: '同行评估', en: 'Peer evaluation' },
  description: { zh: '按轮次随机抽取结案案卷，分配给回避本人及本所的评估专家评分；不合格的再由两位专家复评，多数决定；公布后写入案件质量等次', en: 'Rounds of sampled closed files scored by reviewers who never review their own or their firm\'s; a fail is re-checked twice, the majority decides; publishing sets the cases\' grades' },
  resources: [rounds, reviews],
  auditActions: {
    'peer-review-rounds': {
      draw: { zh: '抽取案卷', en: 'Drew the sample' }, results: { zh: '评定等次', en: 'Decided the grades' },
      ...Object.fromEntries(Object.entries(roundMachine.actions).map(([name, action]) => [`transition:${name}`, action.label])),
    },
    'peer-reviews': {
      assign: { zh: '分配评估专家', en: 'Assigned' }, recheck: { zh: '分配复评', en: 'Re-check assigned' },
      reassign: { zh: '改派', en: 'Reassigned' }, 'override-conflict': { zh: '回避例外改派', en: 'Reassigned over a conflict' },
    },
    cases: { 'peer-grade': { zh: '同行评估定等次', en: 'Graded by peer review' } },
  },
  fields: {
    settings: { peerReviewDueDays: { type: 'integer', label: { zh: '同行评估期限（日）', en: 'Peer review due (days)' }, min: 1, max: 180, help: { zh: '不填为 14 日', en: 'Empty: 14 days' } } },
  },
  access: {
    cases: { read: { reviewer: assignedCases('id') }, withheld: { reviewer: blindly(['lawyerId']) }, redacted: { reviewer: blindWords('id') } },
    'case-activities': { read: { reviewer: assignedCases('caseId') }, withheld: { reviewer: blindly(['participants']) }, redacted: { reviewer: blindWords('caseId') } },
    'case-files': { read: { reviewer: assignedCases('caseId') }, withheld: { reviewer: blindly(['uploadedBy']) }, redacted: { reviewer: blindWords('caseId') } },
    'hearing-observations': { read: { reviewer: assignedCases('caseId') }, redacted: { reviewer: blindWords('caseId') } },
    'return-visits': { read: { reviewer: assignedCases('caseId') }, redacted: { reviewer: blindWords('caseId') } },
  },
  hooks: {},
  routes: (ctx) => {
    const e = roundEffects(ctx.records);
    const workflow = workflowRoutes(ctx.records, roundMachine, roundWorkflow(ctx.records));
    return new Hono<AppEnv>()
      .route('/peer-review-rounds', workflow)
      .get('/peer-review-rounds/:id/progress', describeRoute({
        tags: ['peer-review-rounds'], summary: 'A round\'s progress: files scored per reviewer, overdue reviews, the grade distribution',
        parameters: [idParameter], responses: { 200: { description: 'The figures' }, ...refusalsOf(403, 404) },
      }), async (c) => {
        const round = await ctx.records.get(ctx.resource('peer-review-rounds'), recordId(c), c.var.actor);
        // A reviewer reads the round they review in, not the others' names and loads.
        if (!['admin', 'supervisor'].includes(c.var.actor.role)) throw new ApiError(403, { zh: '只有中心管理员和质量监督员可以查看评估进度', en: 'Only centre admins and supervisors see a round\'s progress' });
        return c.json(await progressOf(ctx.database.db, round, today()));
      })
      .post('/peer-reviews/:id/reassign', describeRoute({
        tags: ['peer-reviews'], summary: 'An admin gives an open review to another reviewer; a conflict (own case, own firm) only with a reason, audited',
        parameters: [idParameter], responses: { 200: { description: 'The review' }, ...refusalsOf(400, 403, 404, 409, 422) },
      }), async (c) => {
        const actor = c.var.actor;
        adminOnly(actor);
        const body = await jsonBody(c);
        const reviewerId = typeof body.reviewerId === 'string' && body.reviewerId.length <= 64 ? body.reviewerId : null;
        const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : '';
        if (!reviewerId) throw new ApiError(400, { zh: '请选择评估专家', en: 'Choose a reviewer' }, { reviewerId: { zh: '必填', en: 'Required' } });
        const id = recordId(c);
        if (!isDbId(id)) throw new ApiError(404, { zh: '记录不存在', en: 'Not found' });
        const review = await ctx.records.write(async (trx) => {
          const row = await ctx.records.load(ctx.resource('peer-reviews'), id, trx);
          if (row.status !== 'assigned') throw new ApiError(409, { zh: '已评估的评估表不能改派', en: 'A scored review cannot be reassigned' });
          const round = await ctx.records.load(ctx.resource('peer-review-rounds'), Number(row.roundId), trx);
          const reviewer = (await e.reviewersOf(trx, round)).find((r) => r.userId === reviewerId);
          if (!reviewer) throw new ApiError(422, { zh: '该用户不是本轮的评估专家', en: 'Not a reviewer of this round' }, { reviewerId: { zh: '不是本轮评估专家', en: 'Not in the round' } });
          const twice = await trx.selectFrom('peer_reviews').select('id').where('roundId', '=', Number(row.roundId)).where('caseId', '=', Number(row.caseId))
            .where('reviewerId', '=', reviewerId).where('id', '!=', id).execute();
          if (twice.length) throw new ApiError(422, { zh: '该专家已评估过此案卷', en: 'This reviewer already reviews this file' }, { reviewerId: { zh: '已评估过此案卷', en: 'Already on this file' } });
          const conflict = e.conflictOf(reviewer, await e.fileOf(trx, Number(row.caseId)));
          if (conflict && !reason) {
            throw new ApiError(422, conflict === 'own_case'
              ? { zh: '评估专家不能评估本人承办的案件；如确需指定，请说明理由', en: 'A reviewer never reviews their own case; give a reason to override' }
              : { zh: '评估专家不能评估本所律师承办的案件；如确需指定，请说明理由', en: "A reviewer never reviews their firm's case; give a reason to override" }, { reason: { zh: '需说明理由', en: 'A reason is needed' } }, { rule: `peer.${conflict}` });
          }
          return ctx.records.change(ctx.resource('peer-reviews'), id, actor, {
            action: conflict ? 'override-conflict' : 'reassign',
            plan: () => ({ reviewerId, conflictOverride: conflict ? reason : null }),
            note: conflict ? { conflict, reason } : {},
          }, trx);
        });
        return c.json(review);
      });
  },
  home: homeOf,
  demo: (ctx) => seedDemoRounds(ctx),
  casePanels: [{ id: 'peer-reviews', label: { zh: '同行评估', en: 'Peer review' }, roles: ['admin', 'supervisor', 'lawyer'] }],
  dashboard: [
    { id: 'my-peer-reviews', label: { zh: '待我评估的案卷', en: 'Files for me to review' }, resource: 'peer-reviews', filter: { status: 'assigned' }, roles: ['reviewer'], alert: true },
  ],
});
