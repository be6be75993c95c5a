// The routes every register with a state machine gets: GET /:id/workflow (the allowed actions,
// the running deadline, the history) and POST /:id/transitions/:action, the only way its
// status changes: plan (state-machine.ts), the register's guards, then one system change
// through the write path, audited as `transition:<action>`.
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../http/app-env.js';
import { today } from '../calendar.js';
import { maskRow, rowScope } from '../access/enforce.js';
import type { Actor, Label, Row } from '../resources/define.js';
import { recordId } from '../rest/crud-routes.js';
import { optionalJsonBody } from '../http/json-body.js';
import { ApiError } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import { loadSettings, type Settings } from '../settings/settings.js';
import { describeEntries } from '../audit/readable.js';
import { allowedActions, planTransition, type StateMachine } from './state-machine.js';

export interface WorkflowProblem {
  rule: string;
  message: Label;
  details?: unknown;
}

export interface MoveContext {
  trx: Kysely<any>;
  row: Row;
  action: string;
  payload: Record<string, unknown>;
  actor: Actor;
  settings: Settings;
  today: string;
}

export interface WorkflowOptions {
  /** Checks beyond the table that need other records; every problem refuses the move (422). */
  guards?: (ctx: MoveContext) => Promise<WorkflowProblem[]>;
  /** More for the move's audit entry than its payload (e.g. the warnings acknowledged). */
  note?: (ctx: MoveContext) => Promise<Record<string, unknown>>;
  /** Work in the move's transaction once the row is stored. */
  effects?: (ctx: MoveContext & { before: Row; after: Row }) => Promise<void>;
  /** Said when another writer moved the record first. */
  conflict: Label;
}

export function workflowRoutes(records: Records, machine: StateMachine, options: WorkflowOptions) {
  const { db } = records.database;
  const resource = records.resource(machine.resource); // with any fields plugins add

  return new Hono<AppEnv>()
    /** What the console shows on a record: the allowed actions, the deadline and the history. */
    .get('/:id/workflow', async (c) => {
      const row = await records.load(resource, recordId(c), db, await rowScope(resource, c.var.actor, 'read', db));
      const settings = await loadSettings(db);
      const history = await records.mayAct(resource, c.var.actor, 'history', Number(row.id))
        ? await db.selectFrom('audit_log').select(['at', 'actorId', 'actorEmail', 'action', 'resource', 'recordId', 'changes'])
          .where('resource', '=', machine.resource).where('recordId', '=', String(row.id)).where('action', 'like', 'transition:%')
          .orderBy('id', 'asc').execute()
        : [];
      return c.json({
        id: row.id,
        status: row.status,
        actions: allowedActions(machine, row, c.var.actor).map((name) => ({ name, label: machine.actions[name].label })),
        deadline: machine.deadline?.(row, settings, today()) ?? null,
        history: await describeEntries(db, history, records.resources).then((readable) => history.map(({ at, actorEmail, action, changes }, i) => ({
          at: new Date(at).toISOString(), actorEmail, action, changes: changes ? JSON.parse(changes) : null, readable: readable[i],
        }))),
      });
    })
    .post('/:id/transitions/:action', async (c) => {
      const actor = c.var.actor;
      const action = c.req.param('action');
      const body = await optionalJsonBody(c);
      const id = recordId(c);
      const updated = await records.write(async (trx) => {
        const row = await records.load(resource, id, trx, await rowScope(resource, actor, 'read', trx));
        const settings = await loadSettings(trx);
        const plan = planTransition(machine, row, action, body, actor, new Date(), settings);
        if (!plan.ok) throw new ApiError(plan.status, plan.message, plan.fieldErrors ?? {}, { rule: plan.rule });
        const ctx: MoveContext = { trx, row, action: plan.action, payload: plan.payload, actor, settings, today: today() };
        const problems = (await options.guards?.(ctx)) ?? [];
        if (problems.length) {
          throw new ApiError(422, {
            zh: problems.map((p) => p.message.zh).join('；'),
            en: problems.map((p) => p.message.en).join('; '),
          }, {}, { rules: problems.map((p) => ({ rule: p.rule, message: p.message, details: p.details })) });
        }
        return records.change(resource, id, actor, {
          action: `transition:${plan.action}`,
          expectedVersion: Number(row.version),
          conflict: options.conflict,
          plan: () => plan.changes,
          note: { ...(Object.keys(plan.payload).length ? { payload: plan.payload } : {}), ...(await options.note?.(ctx)) },
          then: async (before, after, trx) => { await options.effects?.({ ...ctx, trx, before, after }); },
        }, trx);
      });
      return c.json(maskRow(resource, actor, updated));
    });
}
