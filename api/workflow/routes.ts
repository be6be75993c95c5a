// The routes every register with a state machine gets: GET /:id/workflow (the allowed actions,
// the running deadline, the history) and POST /:id/transitions/:action, the only way its
// status changes: plan (state-machine.ts), the register's guards, then one system change
// through the write path, audited as `transition:<action>`.
import { Hono, type Context } from 'hono';
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
import { describeRoute, idParameter, jsonOfSchema, refusalsOf, resolver } from '../meta/route-docs.js';
import { allowedActions, planTransition, type ActionDefinition, type StateMachine } from './state-machine.js';

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

/**
 * One move of one record: plan, guards, then the write path's change (its audit entry and
 * effects). The routes' move, and a server's own (demo data, scripted rounds), under the same rules.
 */
export async function moveRecord(records: Records, machine: StateMachine, options: WorkflowOptions, id: number, action: string, body: unknown, actor: Actor): Promise<Row> {
  const resource = records.resource(machine.resource);
  return records.write(async (trx) => {
    await records.lock(resource, id, trx);
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
}

export function workflowRoutes(records: Records, machine: StateMachine, options: WorkflowOptions) {
  const { db } = records.database;
  const resource = records.resource(machine.resource); // with any fields plugins add

  /** One move of one record over HTTP. */
  const move = (named?: string) => async (c: Context<AppEnv>) => {
    const actor = c.var.actor;
    const updated = await moveRecord(records, machine, options, recordId(c), named ?? c.req.param('action')!, await optionalJsonBody(c), actor);
    return c.json(maskRow(resource, actor, updated));
  };

  const routes = new Hono<AppEnv>()
    .get('/:id/workflow', describeRoute({
      tags: [machine.resource],
      summary: `The ${machine.noun.en}'s workflow: the actions this user may take now, the running deadline and the history`,
      parameters: [idParameter],
      responses: { 200: { description: '{id, status, actions: [{name, label}], deadline, history}' }, ...refusalsOf(404) },
    }), async (c) => {
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
    });
  // One route per action, each described with its own payload schema (the one planTransition checks);
  // any other name reaches the last route, which refuses it.
  for (const [name, definition] of Object.entries<ActionDefinition>(machine.actions)) {
    routes.post(`/:id/transitions/${name}`, describeRoute({
      tags: [machine.resource],
      summary: `${definition.label.en} (${definition.label.zh}): ${definition.from.join(' | ')} → ${definition.to ?? 'the same state'}, by ${definition.who.join(' or ')}`,
      parameters: [idParameter],
      requestBody: { content: { 'application/json': { schema: resolver(definition.payload) } } },
      responses: { 200: { description: `The ${machine.noun.en} after the action`, content: jsonOfSchema(schemaName(machine.resource)) }, ...refusalsOf(403, 404, 409, 422) },
    }), move(name));
  }
  return routes.post('/:id/transitions/:action', move());
}

/** cases → Cases: the name of a register's schema in components/schemas. */
function schemaName(resource: string): string {
  return resource.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}
