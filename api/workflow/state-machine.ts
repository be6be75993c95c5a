// A register's life as a table of actions: which states, who may move a record from which
// states to which, what each move stamps, writes and must carry. Declared once per register
// (the case's in cases/lifecycle.ts, the complaint's in complaints/lifecycle.ts); the core plans
// every move here and mounts its routes (workflow/routes.ts). Pure: no database.
import { z } from 'zod';
import type { Label, Row } from '../resources/define.js';

export interface Actor {
  /** `admin`, `lawyer`, `supervisor`, `peer_reviewer`… */
  role: string;
  /** The lawyer record of a user with the lawyer role. */
  lawyerId?: number | string | null;
}

/** Who may take an action: a name the actions list, a test on the record and the actor, and how a refusal names them. */
export interface Performer {
  label: Label;
  is(row: Row, actor: Actor): boolean;
}

export interface ActionDefinition<State extends string = string, Who extends string = string> {
  from: readonly State[];
  /** null: the record keeps its state (e.g. a change of lawyer). */
  to: State | null;
  who: readonly Who[];
  /** A column given the time of the move (a datetime), or null. */
  stamps: string | null;
  label: Label;
  payload: z.ZodType<Record<string, unknown>>;
  /** Fields of the validated payload copied onto the row. */
  writes: readonly string[];
  /** Further columns computed from the row, the payload and the settings (e.g. a deadline). */
  /** A further condition on the record (e.g. one extension only): why not, refused with 409. */
  unless?: (row: Row) => { rule: string; message: Label } | null;
  derive?: (row: Row, payload: Record<string, unknown>, ctx: { settings: Record<string, unknown>; now: Date }) => Row;
}

export interface StateMachine<State extends string = string, Name extends string = string> {
  /** The register it moves. */
  resource: string;
  /** The record in a refusal: 案件 / case, 投诉 / complaint. */
  noun: Label;
  states: Record<State, Label>;
  performers: Record<string, Performer>;
  actions: Record<Name, ActionDefinition<State>>;
  /** The deadline the record runs against today, shown in its workflow panel. */
  deadline?: (row: Row, settings: Record<string, unknown>, today: string) => unknown;
}

export function defineStateMachine<State extends string, Name extends string>(machine: StateMachine<State, Name>): StateMachine<State, Name> {
  for (const [name, action] of Object.entries<ActionDefinition>(machine.actions)) {
    for (const state of [...action.from, ...(action.to === null ? [] : [action.to])]) {
      if (!Object.hasOwn(machine.states, state)) throw new Error(`${machine.resource} action ${name}: unknown state ${state}`);
    }
    for (const who of action.who) if (!Object.hasOwn(machine.performers, who)) throw new Error(`${machine.resource} action ${name}: unknown performer ${who}`);
  }
  return machine;
}

/**
 * zod carries one string per issue: the Chinese text, with its English kept here so every
 * refusal can answer {zh, en}.
 */
const payloadMessages = new Map<string, Label>();
export function said(label: Label): string {
  const known = payloadMessages.get(label.zh);
  if (known && known.en !== label.en) throw new Error(`payload message 「${label.zh}」 has two English texts: ${known.en} / ${label.en}`);
  payloadMessages.set(label.zh, label);
  return label.zh;
}
export const atMost = (max: number) => said({ zh: `不能超过 ${max} 个字`, en: `At most ${max} characters` });
export const noNul = said({ zh: '不能含空字符', en: 'Must not contain NUL characters' });
export const requiredText = (message: Label, max: number) =>
  z.string({ error: said(message) }).refine((v) => !v.includes('\u0000'), { error: noNul })
    .trim().min(1, { error: said(message) }).max(max, { error: atMost(max) });
export const noPayload = z.object({});

export interface TransitionRefusal {
  ok: false;
  status: 403 | 409 | 422;
  rule: string;
  message: Label;
  /** Field → message (Chinese), for payload errors. */
  errors?: Record<string, string>;
  /** The same messages in both languages, as the API sends them. */
  fieldErrors?: Record<string, Label>;
}

export type TransitionPlan<State extends string = string, Name extends string = string> =
  | {
      ok: true;
      action: Name;
      from: State;
      to: State;
      /** Columns to write: the new status, the stamped time, the payload's fields and derived ones. */
      changes: Row;
      /** The validated payload, whole (reasons without a column belong in the audit entry). */
      payload: Record<string, unknown>;
    }
  | TransitionRefusal;

function stateLabel(machine: StateMachine, status: unknown): Label {
  const key = String(status);
  return Object.hasOwn(machine.states, key) ? machine.states[key] : { zh: key, en: key };
}

export function isAction<Name extends string>(machine: StateMachine<string, Name>, name: string): name is Name {
  return Object.hasOwn(machine.actions, name);
}

/** Whether this actor is among those who may perform the action on this record. */
export function mayPerform(machine: StateMachine, action: string, row: Row, actor: Actor): boolean {
  return machine.actions[action].who.some((who) => machine.performers[who].is(row, actor));
}

function performersText(machine: StateMachine, action: string): Label {
  const labels = machine.actions[action].who.map((who) => machine.performers[who].label);
  return { zh: labels.map((l) => l.zh).join('或'), en: labels.map((l) => l.en).join(' or ') };
}

/**
 * The changes an action makes to a record, or why it may not. Checks, in order: the action
 * exists (422), the actor may perform it (403), the record is in a state it starts from (409),
 * the payload is valid (422). Checks that need other records are the route's (guards).
 */
export function planTransition<State extends string, Name extends string>(
  machine: StateMachine<State, Name>, row: Row, action: string, payload: unknown, actor: Actor, now: Date,
  settings: Record<string, unknown> = {},
): TransitionPlan<State, Name> {
  const noun = machine.noun;
  if (!isAction(machine, action)) {
    return {
      ok: false, status: 422, rule: 'transition.unknown_action',
      message: { zh: `没有名为「${action}」的${noun.zh}操作`, en: `There is no ${noun.en} action called "${action}"` },
    };
  }
  const definition: ActionDefinition = machine.actions[action];

  if (!mayPerform(machine as StateMachine, action, row, actor)) {
    const who = performersText(machine as StateMachine, action);
    return {
      ok: false, status: 403, rule: 'transition.forbidden',
      message: {
        zh: `只有${who.zh}可以执行「${definition.label.zh}」`,
        en: `Only ${who.en} may ${definition.label.en.toLowerCase()}`,
      },
    };
  }

  const current = row.status;
  if (!definition.from.includes(current as State)) {
    const state = stateLabel(machine as StateMachine, current);
    return {
      ok: false, status: 409, rule: 'transition.wrong_state',
      message: {
        zh: `${noun.zh}当前状态为「${state.zh}」，不能执行「${definition.label.zh}」`,
        en: `The ${noun.en} is "${state.en}": it cannot be given the action "${definition.label.en}"`,
      },
    };
  }

  const condition = definition.unless?.(row);
  if (condition) return { ok: false, status: 409, rule: condition.rule, message: condition.message };

  const parsed = definition.payload.safeParse(payload ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    const fieldErrors: Record<string, Label> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || '_';
      errors[field] ??= issue.message;
      fieldErrors[field] ??= payloadMessages.get(issue.message) ?? { zh: '格式不正确', en: 'Not in the expected form' };
    }
    return {
      ok: false, status: 422, rule: 'transition.invalid_payload', errors, fieldErrors,
      message: { zh: `「${definition.label.zh}」所需的信息不完整或有误`, en: `The details for "${definition.label.en}" are missing or wrong` },
    };
  }

  const to = (definition.to ?? current) as State;
  const changes: Row = { status: to };
  if (definition.stamps) changes[definition.stamps] = now.toISOString();
  for (const field of definition.writes) {
    if (parsed.data[field] !== undefined) changes[field] = parsed.data[field];
  }
  Object.assign(changes, definition.derive?.(row, parsed.data, { settings, now }));
  return { ok: true, action, from: current as State, to, changes, payload: parsed.data };
}

/** The actions this actor may take on this record now, in the table's order (for the console's buttons). */
export function allowedActions<Name extends string>(machine: StateMachine<string, Name>, row: Row, actor: Actor): Name[] {
  return (Object.keys(machine.actions) as Name[]).filter((action) =>
    (machine.actions[action].from as readonly string[]).includes(String(row.status)) && mayPerform(machine as StateMachine, action, row, actor));
}
