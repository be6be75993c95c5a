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
import type { TransitionEffect } from '../plugins/define.js';
import { workflowRoutes } from '../workflow/routes.js';

export function transitionRoutes(records: Records, { guards, effects }: { guards: TransitionGuard[]; effects: TransitionEffect[] }) {
  const cases = records.resource('cases'); // with any fields plugins add
  const lawyers = records.resource('lawyers');
  const firms = records.resource('law-firms');
  const { db } = records.database;

  return new Hono<AppEnv>()
    /** For whoever may assign: every lawyer, whether the assignment rules allow them on this case, and why not. */
    .get('/:id/eligible-lawyers', async (c) => {
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
      return c.json(listed.sort((a, b) => Number(b.eligible) - Number(a.eligible) || (a.eligible ? a.openCases - b.openCases : 0)));
    })
    .route('/', workflowRoutes(records, caseMachine, {
      conflict: { zh: '该案件刚被他人处理，请刷新后重试', en: 'Someone else just moved this case; reload and try again' },
      async guards({ trx, row, action, payload, actor, settings, today }) {
        const ctx = { trx, records, caseRow: row, payload, actor, settings, today };
        const problems = [];
        for (const guard of guards.filter((g) => g.action === action)) problems.push(...(await guard.check(ctx)));
        return problems;
      },
      async effects({ trx, before, after, actor, action, payload }) {
        for (const effect of effects.filter((e) => e.action === action)) await effect.run({ trx, before, after, actor, payload });
      },
    }));
}
