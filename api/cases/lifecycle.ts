// The case's life as a table of actions: who may move a case from which states to which,
// what each move stamps and what it must carry. Pure: the route loads the row, asks
// planTransition for the changes, adds the eligibility checks it has data for
// (rules.ts), then writes and audits.
import { z } from 'zod';
import type { Label, Row } from '../resources/define.js';
import { caseStatuses, terminationGrounds } from '../resources/cases.js';

export type CaseStatus = keyof typeof caseStatuses;

/** States from which a case can still be terminated (Legal Aid Law art. 48). */
export const openStatuses = ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted'] as const satisfies readonly CaseStatus[];

export { terminationGrounds };

export type TerminationGround = keyof typeof terminationGrounds;

/** `admin`: a centre admin; `case_lawyer`: the lawyer the case is assigned to. */
export type Performer = 'admin' | 'case_lawyer';
export type StampField = 'acceptedAt' | 'assignedAt' | 'closedAt' | 'archivedAt';

export interface CaseAction {
  from: readonly CaseStatus[];
  /** null: the case keeps its state (e.g. a change of lawyer). */
  to: CaseStatus | null;
  who: readonly Performer[];
  stamps: StampField | null;
  label: Label;
  payload: z.ZodType<Record<string, unknown>>;
  /** Fields of the validated payload copied onto the case row. */
  writes: readonly string[];
}

const noPayload = z.object({});

/**
 * zod carries one string per issue: the Chinese text (what callers of planTransition have
 * always read), with its English kept here so every refusal can answer {zh, en}.
 */
const payloadMessages = new Map<string, Label>();
function said(label: Label): string {
  payloadMessages.set(label.zh, label);
  return label.zh;
}
const atMost = (max: number) => said({ zh: `不能超过 ${max} 个字`, en: `At most ${max} characters` });
const noNul = said({ zh: '不能含空字符', en: 'Must not contain NUL characters' });
const requiredText = (message: Label, max: number) =>
  z.string({ error: said(message) }).refine((v) => !v.includes('\u0000'), { error: noNul })
    .trim().min(1, { error: said(message) }).max(max, { error: atMost(max) });

const chooseLawyer = said({ zh: '请选择承办律师', en: 'Choose the lawyer' });
const lawyerIdPayload = z.coerce.number({ error: chooseLawyer }).int({ error: chooseLawyer }).positive({ error: chooseLawyer });
/** The admin has seen the conflict warnings (cases/conflicts.ts) and assigns anyway. */
const acknowledgeConflicts = z.boolean({ error: said({ zh: '确认利益冲突提示应为是或否', en: 'acknowledgeConflicts is true or false' }) }).optional();

/** Why a case changes lawyer (更换法律援助人员). */
export const lawyerChangeReasons = {
  client_request: { zh: '受援人有正当理由要求更换', en: "The client's request, with cause" },
  lawyer_withdrawal: { zh: '法律援助人员申请退出', en: "The lawyer's withdrawal" },
  complaint_upheld: { zh: '投诉查实', en: 'A complaint upheld' },
  conflict_of_interest: { zh: '发现利益冲突', en: 'A conflict of interest found' },
  unable_to_act: { zh: '法律援助人员因故不能继续履行职责', en: 'The lawyer cannot go on acting' },
};
type LawyerChangeReason = keyof typeof lawyerChangeReasons;

export const caseActions = {
  review: {
    from: ['applied'], to: 'reviewing', who: ['admin'], stamps: null,
    label: { zh: '开始审查', en: 'Start review' },
    payload: noPayload, writes: [],
  },
  accept: {
    from: ['reviewing'], to: 'accepted', who: ['admin'], stamps: 'acceptedAt',
    label: { zh: '受理', en: 'Accept' },
    payload: noPayload, writes: [],
  },
  reject: {
    from: ['reviewing'], to: 'rejected', who: ['admin'], stamps: null,
    label: { zh: '不予受理', en: 'Reject' },
    payload: z.object({ reason: requiredText({ zh: '请填写不予受理的理由', en: 'Give the reason for rejecting' }, 500) }),
    writes: [],
  },
  assign: {
    from: ['accepted'], to: 'assigned', who: ['admin'], stamps: 'assignedAt',
    label: { zh: '指派', en: 'Assign' },
    payload: z.object({
      lawyerId: lawyerIdPayload,
      acknowledgeConflicts,
      assignmentMethod: z.enum(['assigned', 'client_choice'], { error: said({ zh: '指派方式应为「指派」或「点援」', en: 'The method is "assigned" or "client_choice"' }) }).default('assigned'),
    }),
    writes: ['lawyerId', 'assignmentMethod'],
  },
  start: {
    from: ['assigned'], to: 'in_progress', who: ['admin', 'case_lawyer'], stamps: null,
    label: { zh: '开始承办', en: 'Start work' },
    payload: noPayload, writes: [],
  },
  'submit-closing': {
    from: ['in_progress'], to: 'closing_submitted', who: ['admin', 'case_lawyer'], stamps: null,
    label: { zh: '提交结案', en: 'Submit for closing' },
    payload: noPayload, writes: [],
  },
  'return-closing': {
    from: ['closing_submitted'], to: 'in_progress', who: ['admin'], stamps: null,
    label: { zh: '退回结案申请', en: 'Return for more work' },
    payload: z.object({ reason: requiredText({ zh: '请填写退回的理由', en: 'Give the reason for returning' }, 500) }),
    writes: [],
  },
  close: {
    from: ['closing_submitted'], to: 'closed', who: ['admin'], stamps: 'closedAt',
    label: { zh: '结案', en: 'Close' },
    payload: z.object({
      outcome: requiredText({ zh: '请填写办案结果', en: 'Describe the outcome' }, 2000),
      amountRecovered: z
        .number({ error: said({ zh: '挽回损失或取得利益应为金额（元）', en: 'The amount recovered is a sum in yuan' }) })
        .min(0, { error: said({ zh: '挽回损失或取得利益不能为负数', en: 'The amount recovered cannot be negative' }) })
        .max(1e11, { error: said({ zh: '挽回损失或取得利益过大', en: 'The amount recovered is too large' }) })
        .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: said({ zh: '金额最多保留两位小数', en: 'At most two decimal places' }) })
        .nullish(),
    }),
    writes: ['outcome', 'amountRecovered'],
  },
  archive: {
    from: ['closed'], to: 'archived', who: ['admin'], stamps: 'archivedAt',
    label: { zh: '归档', en: 'Archive' },
    payload: noPayload, writes: [],
  },
  terminate: {
    from: openStatuses, to: 'terminated', who: ['admin'], stamps: null,
    label: { zh: '终止', en: 'Terminate' },
    payload: z.object({
      reason: z.enum(Object.keys(terminationGrounds) as [TerminationGround, ...TerminationGround[]], {
        error: said({ zh: '请选择《法律援助法》第四十八条规定的终止情形', en: 'Choose a ground for termination under art. 48 of the Legal Aid Law' }),
      }),
      note: z.string({ error: said({ zh: '说明应为文字', en: 'The note is text' }) }).refine((v) => !v.includes('\u0000'), { error: noNul }).trim().max(500, { error: atMost(500) }).optional(),
    }),
    writes: [],
  },
  'change-lawyer': {
    from: ['assigned', 'in_progress'], to: null, who: ['admin'], stamps: null,
    label: { zh: '更换承办律师', en: 'Change lawyer' },
    payload: z.object({
      lawyerId: lawyerIdPayload,
      reason: z.enum(Object.keys(lawyerChangeReasons) as [LawyerChangeReason, ...LawyerChangeReason[]], {
        error: said({ zh: '请选择更换承办律师的原因', en: 'Choose the reason for the change of lawyer' }),
      }),
      note: z.string({ error: said({ zh: '说明应为文字', en: 'The note is text' }) }).refine((v) => !v.includes('\u0000'), { error: noNul }).trim().max(500, { error: atMost(500) }).optional(),
      acknowledgeConflicts,
    }),
    writes: ['lawyerId'],
  },
} satisfies Record<string, CaseAction>;

export type CaseActionName = keyof typeof caseActions;

export interface Actor {
  /** `admin`, `lawyer`, `supervisor`, `peer_reviewer`… */
  role: string;
  /** The lawyer record of a user with the lawyer role. */
  lawyerId?: number | string | null;
}

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

export type TransitionPlan =
  | {
      ok: true;
      action: CaseActionName;
      from: CaseStatus;
      to: CaseStatus;
      /** Columns to write: the new status, the stamped time and the payload's fields. */
      changes: Row;
      /** The validated payload, whole (reasons have no column: they belong in the audit entry). */
      payload: Record<string, unknown>;
    }
  | TransitionRefusal;

export function isCaseAction(name: string): name is CaseActionName {
  return Object.hasOwn(caseActions, name);
}

function statusLabel(status: unknown): Label {
  const key = String(status);
  return Object.hasOwn(caseStatuses, key) ? caseStatuses[key as CaseStatus] : { zh: key, en: key };
}

function isCaseLawyer(caseRow: Row, actor: Actor): boolean {
  return actor.role === 'lawyer' && actor.lawyerId != null && caseRow.lawyerId != null
    && Number(actor.lawyerId) === Number(caseRow.lawyerId);
}

/** Whether this actor is among those who may perform the action on this case. */
export function mayPerform(action: CaseActionName, caseRow: Row, actor: Actor): boolean {
  const who: readonly Performer[] = caseActions[action].who;
  return (actor.role === 'admin' && who.includes('admin')) || (who.includes('case_lawyer') && isCaseLawyer(caseRow, actor));
}

function performersText(action: CaseActionName): Label {
  const who: readonly Performer[] = caseActions[action].who;
  return who.includes('case_lawyer')
    ? { zh: '中心管理员或本案承办律师', en: 'a centre admin or the lawyer of this case' }
    : { zh: '中心管理员', en: 'a centre admin' };
}

/**
 * The changes an action makes to a case, or why it may not. Checks, in order: the action
 * exists (422), the actor may perform it (403), the case is in a state it starts from (409),
 * the payload is valid (422). Lawyer eligibility and the means test are not checked here:
 * see checkAssignment and checkMeansTest.
 */
export function planTransition(caseRow: Row, action: string, payload: unknown, actor: Actor, now: Date): TransitionPlan {
  if (!isCaseAction(action)) {
    return {
      ok: false, status: 422, rule: 'transition.unknown_action',
      message: { zh: `没有名为「${action}」的案件操作`, en: `There is no case action called "${action}"` },
    };
  }
  const definition: CaseAction = caseActions[action];

  if (!mayPerform(action, caseRow, actor)) {
    const who = performersText(action);
    return {
      ok: false, status: 403, rule: 'transition.forbidden',
      message: {
        zh: `只有${who.zh}可以执行「${definition.label.zh}」`,
        en: `Only ${who.en} may ${definition.label.en.toLowerCase()}`,
      },
    };
  }

  const current = caseRow.status;
  if (!definition.from.includes(current as CaseStatus)) {
    const state = statusLabel(current);
    return {
      ok: false, status: 409, rule: 'transition.wrong_state',
      message: {
        zh: `案件当前状态为「${state.zh}」，不能执行「${definition.label.zh}」`,
        en: `The case is "${state.en}": it cannot be given the action "${definition.label.en}"`,
      },
    };
  }

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

  const to = definition.to ?? (current as CaseStatus);
  const changes: Row = { status: to };
  if (definition.stamps) changes[definition.stamps] = now.toISOString();
  for (const field of definition.writes) {
    if (parsed.data[field] !== undefined) changes[field] = parsed.data[field];
  }
  return { ok: true, action, from: current as CaseStatus, to, changes, payload: parsed.data };
}

/** The actions this actor may take on this case now, in the table's order (for the console's buttons). */
export function allowedActions(caseRow: Row, actor: Actor): CaseActionName[] {
  return (Object.keys(caseActions) as CaseActionName[]).filter((action) =>
    (caseActions[action].from as readonly string[]).includes(String(caseRow.status)) && mayPerform(action, caseRow, actor));
}
