// The case's routes: the generic workflow routes (workflow/routes.ts) with the case's guards
// and plugins' effects, and the eligible-lawyers list for the assign dialog.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { today } from '../calendar.js';
import { recordId } from '../rest/crud-routes.js';
import type { Records } from '../rest/records.js';
import { openCaseloads } from './caseload.js';
import { caseMachine } from './lifecycle.js';
import { checkAssignment } from './assignment-rules.js';
import { openComplaintLawyerIds, type TransitionGuard } from './guards.js';
import type { PluginContext, TransitionEffect } from '../plugins/define.js';
import { workflowRoutes } from '../workflow/routes.js';
import { describeRoute, idParameter, refusalsOf } from '../meta/route-docs.js';
import { findConflicts } from './conflicts.js';
import { isDbId } from '../rest/input-bounds.js';
import { ApiError } from '../rest/errors.js';

export function transitionRoutes(records: Records, { guards, effects, context }: { guards: TransitionGuard[]; effects: TransitionEffect[]; context: PluginContext }) {
  const cases = records.resource('cases'); // with any fields plugins add
  const lawyers = records.resource('lawyers');
  const firms = records.resource('law-firms');
  const { db } = records.database;

  return new Hono<AppEnv>()
    /** For whoever may assign: every lawyer, whether the assignment rules allow them on this case, and why not. */
    .get('/:id/eligible-lawyers', describeRoute({
      tags: ['cases'],
      summary: 'Every lawyer, whether the assignment rules allow them on this case (and why not), with their open caseload',
      parameters: [idParameter],
      responses: { 200: { description: '[{id, name, lawFirmId, eligible, problems, openCases}]' }, ...refusalsOf(403, 404) },
    }), async (c) => {
      const caseRow = await records.loadForAction(cases, recordId(c), c.var.actor, 'eligible-lawyers');
      const firmsById = new Map((await records.all(firms)).map((f) => [Number(f.id), f]));
      const complained = await openComplaintLawyerIds(records.database.db, Number(caseRow.id));
      const on = today();
      const caseloads = await openCaseloads(db);
      const listed = (await records.all(lawyers, 'name')).map((lawyer) => {
        const problems = checkAssignment({ caseRow, lawyer, firm: lawyer.lawFirmId ? firmsById.get(Number(lawyer.lawFirmId)) ?? null : null, openComplaintLawyerIds: complained, on });
        return { id: Number(lawyer.id), name: lawyer.name, lawFirmId: lawyer.lawFirmId, eligible: problems.length === 0, problems, openCases: caseloads.get(Number(lawyer.id)) ?? 0 };
      });
      // So that work is spread fairly: the eligible first, the least loaded of them first; then the others by name.
      return c.json(listed.sort((x, y) => Number(y.eligible) - Number(x.eligible) || (x.eligible ? x.openCases - y.openCases : 0)));
    })
    /** 利益冲突审查: the case's conflicts, and with `?lawyerId=` that lawyer's (and firm's) on it. */
    .get('/:id/conflicts', describeRoute({
      tags: ['cases'],
      summary: "利益冲突审查: the case's conflicts of interest; with ?lawyerId= that lawyer's and firm's too",
      parameters: [idParameter, { name: 'lawyerId', in: 'query' as const, required: false, schema: { type: 'integer' as const } }],
      responses: { 200: { description: '[{kind, caseId, caseNumber, matchedOn}]' }, ...refusalsOf(403, 404) },
    }), async (c) => {
      const caseRow = await records.loadForAction(cases, recordId(c), c.var.actor, 'conflicts');
      const asked = c.req.query('lawyerId');
      const lawyer = asked !== undefined && /^[0-9]{1,15}$/.test(asked) && isDbId(Number(asked))
        ? await db.selectFrom('lawyers').select(['id', 'lawFirmId']).where('id', '=', Number(asked)).executeTakeFirst()
        : undefined;
      if (asked !== undefined && !lawyer) throw new ApiError(404, { zh: '所选律师不存在', en: 'No such lawyer' });
      return c.json(await findConflicts(db, caseRow, lawyer && { id: Number(lawyer.id), lawFirmId: lawyer.lawFirmId == null ? null : Number(lawyer.lawFirmId) }));
    })
    .route('/', workflowRoutes(records, caseMachine, {
      conflict: { zh: '该案件刚被他人处理，请刷新后重试', en: 'Someone else just moved this case; reload and try again' },
      async guards({ trx, row, action, payload, actor, settings, today }) {
        const ctx = { trx, records, caseRow: row, payload, actor, settings, today, contributions: context.contributions };
        const problems = [];
        for (const guard of guards.filter((g) => g.action === action)) problems.push(...(await guard.check(ctx)));
        return problems;
      },
      // The conflict warnings the admin acknowledged stay in the transition's audit entry.
      async note({ trx, row, payload }) {
        if (payload.acknowledgeConflicts !== true) return {};
        const lawyer = await trx.selectFrom('lawyers').select(['id', 'lawFirmId']).where('id', '=', Number(payload.lawyerId)).executeTakeFirst();
        const acknowledged = await findConflicts(trx, row, lawyer && { id: Number(lawyer.id), lawFirmId: lawyer.lawFirmId == null ? null : Number(lawyer.lawFirmId) });
        return acknowledged.length ? { acknowledgedConflicts: acknowledged } : {};
      },
      async effects({ trx, before, after, actor, action, payload }) {
        for (const effect of effects.filter((e) => e.action === action)) await effect.run({ trx, before, after, actor, payload, context });
      },
    }));
}
