// The complaint's life (法律援助投诉处理办法) as a table of actions, through the generic state
// machine: 登记 → 受理 / 不予受理 → 调查 → 办结 → 答复, with the one extension of the conclude
// deadline. Deadlines are computed as each move is made (deadlines.ts).
import { z } from 'zod';
import { complaintOutcomes, complaintStatuses, replyMethods } from '../resources/complaints.js';
import { defineStateMachine, noPayload, requiredText, said, type ActionDefinition } from '../workflow/state-machine.js';
import { complaintDeadline, concludeDue, extendedDue, replyDue } from './deadlines.js';

export type ComplaintStatus = keyof typeof complaintStatuses;
type ComplaintPerformer = 'admin' | 'supervisor';

/** States in which the complaint is still being handled: its lawyer is not assigned to its case meanwhile. */
export const openComplaintStatuses = ['received', 'accepted', 'investigating'] as const satisfies readonly ComplaintStatus[];

const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const isoDay = (message: { zh: string; en: string }) =>
  z.string({ error: said(message) }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: said(message) })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: said(message) });
const choice = <K extends string>(options: Record<K, unknown>, message: { zh: string; en: string }) =>
  z.enum(Object.keys(options) as [K, ...K[]], { error: said(message) });

export const complaintActions = {
  accept: {
    from: ['received'], to: 'accepted', who: ['admin', 'supervisor'], stamps: 'acceptedAt',
    label: { zh: '受理', en: 'Accept' },
    payload: noPayload, writes: [],
    derive: (_row, _p, { settings, now }) => ({ concludeDeadline: concludeDue(dayOf(now), settings) }),
  },
  refuse: {
    from: ['received'], to: 'not_accepted', who: ['admin', 'supervisor'], stamps: 'refusedAt',
    label: { zh: '不予受理', en: 'Refuse' },
    payload: z.object({ reason: requiredText({ zh: '请填写不予受理投诉的理由', en: 'Give the reason for not accepting' }, 1000) }),
    writes: [],
    derive: (_row, p) => ({ refusalReason: p.reason }),
  },
  investigate: {
    from: ['accepted'], to: 'investigating', who: ['admin', 'supervisor'], stamps: 'investigationStartedAt',
    label: { zh: '开始调查', en: 'Investigate' },
    payload: noPayload, writes: [],
  },
  extend: {
    from: ['investigating'], to: 'investigating', who: ['admin'], stamps: 'extendedAt',
    label: { zh: '延长办结期限', en: 'Extend the deadline' },
    payload: z.object({ reason: requiredText({ zh: '请填写延长办结期限的理由', en: 'Give the reason for the extension' }, 1000) }),
    writes: [],
    unless: (row) => (row.extendedAt
      ? { rule: 'complaint.extended_once', message: { zh: '办结期限只能延长一次，本投诉已延长过', en: 'The deadline may be extended once, and it has been' } }
      : null),
    derive: (row, p, { settings }) => ({ extensionReason: p.reason, concludeDeadline: extendedDue(String(row.concludeDeadline), settings) }),
  },
  conclude: {
    from: ['investigating'], to: 'concluded', who: ['admin', 'supervisor'], stamps: 'concludedAt',
    label: { zh: '办结', en: 'Conclude' },
    payload: z.object({
      findings: requiredText({ zh: '请填写调查核实的情况', en: 'Give the findings' }, 4000),
      conclusion: requiredText({ zh: '请填写处理结论', en: 'Give the conclusion' }, 4000),
      outcome: choice(complaintOutcomes, { zh: '请选择处理结果：属实、部分属实或不属实', en: 'Choose the outcome: upheld, partly upheld or not upheld' }),
    }),
    writes: ['findings', 'conclusion', 'outcome'],
    derive: (_row, _p, { settings, now }) => ({ replyDeadline: replyDue(dayOf(now), settings) }),
  },
  reply: {
    from: ['concluded'], to: 'replied', who: ['admin', 'supervisor'], stamps: null,
    label: { zh: '答复投诉人', en: 'Reply' },
    payload: z.object({
      repliedAt: isoDay({ zh: '请填写答复日期（年-月-日）', en: 'Give the date of the reply (YYYY-MM-DD)' }),
      replyMethod: choice(replyMethods, { zh: '请选择答复方式', en: 'Choose how the reply was given' }),
    }),
    writes: ['repliedAt', 'replyMethod'],
  },
} satisfies Record<string, ActionDefinition<ComplaintStatus, ComplaintPerformer>>;

export type ComplaintActionName = keyof typeof complaintActions;

export const complaintMachine = defineStateMachine<ComplaintStatus, ComplaintActionName>({
  resource: 'complaints',
  noun: { zh: '投诉', en: 'complaint' },
  states: complaintStatuses,
  performers: {
    admin: { label: { zh: '中心管理员', en: 'a centre admin' }, is: (_row, actor) => actor.role === 'admin' },
    supervisor: { label: { zh: '监督人员', en: 'a supervisor' }, is: (_row, actor) => actor.role === 'supervisor' },
  },
  actions: complaintActions,
  deadline: (row, _settings, today) => complaintDeadline(row, today),
});
