// The case's life as a table of actions (the generic state machine of workflow/state-machine.ts):
// who may move a case from which states to which, what each move stamps and what it must
// carry. Pure: the route loads the row, asks planTransition for the changes, adds the
// eligibility checks it has data for (rules.ts), then writes and audits.
import { z } from 'zod';
import type { Row } from '../resources/define.js';
import { caseStatuses, terminationGrounds } from '../resources/cases.js';
import { caseDeadline, type DeadlineSettings } from './deadlines.js';
import {
  allowedActions as allowedOf, defineStateMachine, isAction, mayPerform as mayPerformOf, noNul, noPayload,
  atMost, planTransition as planOf, requiredText, said,
  type ActionDefinition, type Actor, type TransitionPlan as Plan,
} from '../workflow/state-machine.js';

export type { Actor, TransitionRefusal } from '../workflow/state-machine.js';

export type CaseStatus = keyof typeof caseStatuses;

/** States from which a case can still be terminated (Legal Aid Law art. 48). */
export const openStatuses = ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted'] as const satisfies readonly CaseStatus[];

export { terminationGrounds };

export type TerminationGround = keyof typeof terminationGrounds;

/** `admin`: a centre admin; `case_lawyer`: the lawyer the case is assigned to. */
export type Performer = 'admin' | 'case_lawyer';
export type StampField = 'acceptedAt' | 'assignedAt' | 'closedAt' | 'archivedAt';

export interface CaseAction extends ActionDefinition<CaseStatus, Performer> {
  stamps: StampField | null;
}

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
    derive: (_row, p) => ({ decisionReason: p.reason }),
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
    derive: (_row, p) => ({ terminationGround: p.reason, decisionReason: p.note ?? null }),
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

export type TransitionPlan = Plan<CaseStatus, CaseActionName>;

function isCaseLawyer(caseRow: Row, actor: Actor): boolean {
  return actor.role === 'lawyer' && actor.lawyerId != null && caseRow.lawyerId != null
    && Number(actor.lawyerId) === Number(caseRow.lawyerId);
}

export const caseMachine = defineStateMachine<CaseStatus, CaseActionName>({
  resource: 'cases',
  noun: { zh: '案件', en: 'case' },
  states: caseStatuses,
  performers: {
    admin: { label: { zh: '中心管理员', en: 'a centre admin' }, is: (_row, actor) => actor.role === 'admin' },
    case_lawyer: { label: { zh: '本案承办律师', en: 'the lawyer of this case' }, is: isCaseLawyer },
  },
  actions: caseActions,
  deadline: (row, settings, today) => caseDeadline(row, settings as unknown as DeadlineSettings, today),
});

export function isCaseAction(name: string): name is CaseActionName {
  return isAction(caseMachine, name);
}

/** Whether this actor is among those who may perform the action on this case. */
export function mayPerform(action: CaseActionName, caseRow: Row, actor: Actor): boolean {
  return mayPerformOf(caseMachine, action, caseRow, actor);
}

/**
 * The changes an action makes to a case, or why it may not (see workflow/state-machine.ts).
 * Lawyer eligibility and the means test are not checked here: see checkAssignment and checkMeansTest.
 */
export function planTransition(caseRow: Row, action: string, payload: unknown, actor: Actor, now: Date): TransitionPlan {
  return planOf(caseMachine, caseRow, action, payload, actor, now);
}

/** The actions this actor may take on this case now, in the table's order (for the console's buttons). */
export function allowedActions(caseRow: Row, actor: Actor): CaseActionName[] {
  return allowedOf(caseMachine, caseRow, actor);
}
