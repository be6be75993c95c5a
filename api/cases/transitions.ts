// POST /api/cases/:id/transitions/:action — the only way a case changes state.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { today } from '../calendar.js';
import { maskRow, rowScope } from '../access/enforce.js';
import type { Row } from '../resources/define.js';
import { recordId } from '../rest/crud-routes.js';
import { optionalJsonBody } from '../http/json-body.js';
import { ApiError } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import { loadSettings } from '../settings/settings.js';
import { allowedActions, caseActions, planTransition, type CaseActionName } from './lifecycle.js';
import { caseDeadline } from './deadlines.js';
import { checkAssignment } from './assignment-rules.js';
import { openComplaintLawyerIds, type TransitionGuard } from './guards.js';
import type { PluginContext, TransitionEffect } from '../plugins/define.js';

/** Reasons given with an action that the case keeps. */
const recordedReasons: Partial<Record<CaseActionName, (payload: Record<string, unknown>) => Row>> = {
  reject: (p) => ({ decisionReason: p.reason }),
  terminate: (p) => ({ terminationGround: p.reason, decisionReason: p.note ?? null }),
};

export function transitionRoutes(records: Records, { guards, effects, context }: { guards: TransitionGuard[]; effects: TransitionEffect[]; context: PluginContext }) {
  const { db } = records.database;
  const cases = records.resource('cases'); // with any fields plugins add
  const lawyers = records.resource('lawyers');
  const firms = records.resource('law-firms');

  return new Hono<AppEnv>()
    /** What the console shows on a case: the allowed actions, the deadline and the history. */
    .get('/:id/workflow', async (c) => {
      const caseRow = await records.load(cases, recordId(c), db, await rowScope(cases, c.var.actor, 'read', db));
      const settings = await loadSettings(db);
      const history = await records.mayAct(cases, c.var.actor, 'history', Number(caseRow.id))
        ? await db.selectFrom('audit_log').select(['at', 'actorEmail', 'action', 'changes'])
          .where('resource', '=', 'cases').where('recordId', '=', String(caseRow.id)).where('action', 'like', 'transition:%')
          .orderBy('id', 'asc').execute()
        : [];
      return c.json({
        id: caseRow.id,
        status: caseRow.status,
        actions: allowedActions(caseRow, c.var.actor).map((name) => ({ name, label: caseActions[name].label })),
        deadline: caseDeadline(caseRow, settings, today()),
        history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString(), changes: h.changes ? JSON.parse(h.changes) : null })),
      });
    })
    /** For whoever may assign: every lawyer, whether the assignment rules allow them on this case, and why not. */
    .get('/:id/eligible-lawyers', async (c) => {
      const caseRow = await records.loadForAction(cases, recordId(c), c.var.actor, 'eligible-lawyers');
      const firmsById = new Map((await records.all(firms)).map((f) => [Number(f.id), f]));
      const complained = await openComplaintLawyerIds(db, Number(caseRow.id));
      const on = today();
      return c.json((await records.all(lawyers, 'name')).map((lawyer) => {
        const problems = checkAssignment({ caseRow, lawyer, firm: lawyer.lawFirmId ? firmsById.get(Number(lawyer.lawFirmId)) ?? null : null, openComplaintLawyerIds: complained, on });
        return { id: Number(lawyer.id), name: lawyer.name, lawFirmId: lawyer.lawFirmId, eligible: problems.length === 0, problems };
      }));
    })
    .post('/:id/transitions/:action', async (c) => {
      const actor = c.var.actor;
      const action = c.req.param('action');
      const body = await optionalJsonBody(c);
      const id = recordId(c);
      const updated = await records.write(async (trx) => {
        const caseRow = await records.load(cases, id, trx, await rowScope(cases, actor, 'read', trx));
        const plan = planTransition(caseRow, action, body, actor, new Date());
        if (!plan.ok) throw new ApiError(plan.status, plan.message, plan.fieldErrors ?? {}, { rule: plan.rule });
        const settings = await loadSettings(trx);
        const ctx = { trx, records, caseRow, payload: plan.payload, actor, settings, today: today(), contributions: context.contributions };
        const problems = [];
        for (const guard of guards.filter((g) => g.action === plan.action)) problems.push(...(await guard.check(ctx)));
        if (problems.length) {
          throw new ApiError(422, {
            zh: problems.map((p) => p.message.zh).join('；'),
            en: problems.map((p) => p.message.en).join('; '),
          }, {}, { rules: problems.map((p) => ({ rule: p.rule, message: p.message, details: p.details })) });
        }
        return records.change(cases, id, actor, {
          action: `transition:${plan.action}`,
          expectedVersion: Number(caseRow.version),
          conflict: { zh: '该案件刚被他人处理，请刷新后重试', en: 'Someone else just moved this case; reload and try again' },
          plan: () => ({ ...plan.changes, ...recordedReasons[plan.action]?.(plan.payload) }),
          note: Object.keys(plan.payload).length ? { payload: plan.payload } : {},
          then: async (before, after, trx) => {
            for (const effect of effects.filter((e) => e.action === plan.action)) await effect.run({ trx, before, after, actor, payload: plan.payload, context });
          },
        }, trx);
      });
      return c.json(maskRow(cases, actor, updated));
    });
}
