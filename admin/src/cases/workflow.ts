// A case's workflow as GET /api/cases/:id/workflow answers it, and the words its screens use.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../apiClient.js';
import type { Label } from '../meta.js';

export interface CaseAction {
  /** `review`, `accept`, `reject`, `assign`, … (api/cases/lifecycle.ts). */
  name: string;
  label: Label;
}

export interface CaseDeadline {
  kind: 'review' | 'assign' | null;
  due: string | null;
  overdue: boolean;
  /** 0 on the day itself, negative once overdue. */
  daysLeft: number | null;
}

export interface HistoryEntry {
  at: string;
  actorEmail: string | null;
  /** `transition:<action>`. */
  action: string;
  /** Field → [before, after]; `payload` is what the action carried. */
  changes: (Record<string, unknown> & { status?: [string, string]; payload?: Record<string, unknown> }) | null;
}

export interface CaseWorkflowState {
  id: number;
  status: string;
  actions: CaseAction[];
  deadline: CaseDeadline;
  history: HistoryEntry[];
}

/** The main path of a case, application to archive (DOMAIN.md). */
export const MAIN_PATH = ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived'] as const;
/** Where a case can end off the main path. */
export const END_STATES = ['rejected', 'terminated'] as const;

/** Query keys of the case's own routes: react-admin's refresh invalidates them with the record. */
export const caseQueryKey = (caseId: unknown, what: string) => ['fayuan', 'cases', String(caseId), what];

export function useCaseWorkflow(caseId: unknown) {
  const api = useApi();
  return useQuery({
    queryKey: caseQueryKey(caseId, 'workflow'),
    queryFn: () => api.get<CaseWorkflowState>(`/api/cases/${caseId}/workflow`),
    enabled: caseId !== undefined && caseId !== null,
  });
}

/**
 * How the history names past actions. The workflow route labels only the actions allowed now,
 * so the labels of api/cases/lifecycle.ts are repeated here for the record of what was done;
 * an action missing here is named by the state it led to.
 */
export const pastActionLabels: Record<string, Label> = {
  review: { zh: '开始审查', en: 'Start review' },
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  assign: { zh: '指派', en: 'Assign' },
  start: { zh: '开始承办', en: 'Start work' },
  'submit-closing': { zh: '提交结案', en: 'Submit for closing' },
  'return-closing': { zh: '退回结案申请', en: 'Return for more work' },
  close: { zh: '结案', en: 'Close' },
  archive: { zh: '归档', en: 'Archive' },
  terminate: { zh: '终止', en: 'Terminate' },
};

/** Actions that end or undo something: drawn as warnings, not as the next step. */
export const CAUTIOUS_ACTIONS = new Set(['reject', 'terminate', 'return-closing']);

export const workflowWords = {
  zh: {
    title: '办理流程',
    deadline: { review: '审查期限', assign: '指派期限' } as Record<string, string>,
    daysLeft: (kind: string, due: string, days: number) => `${kind} ${due}，剩 ${days} 天`,
    dueToday: (kind: string, due: string) => `${kind} ${due}，今日到期`,
    overdue: (kind: string, due: string, days: number) => `${kind} ${due}，已逾期 ${days} 天`,
    noActions: '当前没有您可执行的操作',
    done: (action: string) => `已完成：${action}`,
    failed: '操作未能完成，请稍后重试',
    loadFailed: '无法读取办理流程',
    confirm: (action: string, caseNumber: string) => `确定对案件 ${caseNumber} 执行「${action}」吗？`,
    cancel: '取消',
    submit: '确定',
    reason: { reject: '不予受理的理由', 'return-closing': '退回的理由（律师将看到）' } as Record<string, string>,
    note: '情况说明（可选）',
    ground: '终止情形（《法律援助法》第四十八条）',
    rejectedBecause: (reason: string) => `不予受理的理由：${reason}`,
    terminatedBecause: (ground: string) => `终止情形：${ground}`,
    terminationNote: (note: string) => `说明：${note}`,
    history: '办理记录',
    noHistory: '暂无办理记录',
    at: '时间',
    who: '办理人',
    what: '操作',
    detail: '变化',
    system: '系统',
    lawyer: '承办律师',
    search: '按姓名查找律师',
    eligible: (n: number) => `符合条件 ${n} 人`,
    ineligible: (n: number) => `不符合条件 ${n} 人（不可选）`,
    noLawyer: '没有符合查找条件的律师',
    independent: '无所属律所',
    loadingLawyers: '正在核对各律师是否符合指派条件…',
    amount: (money: string) => `挽回损失或取得利益 ${money}`,
  },
  en: {
    title: 'Workflow',
    deadline: { review: 'Decision due', assign: 'Assignment due' } as Record<string, string>,
    daysLeft: (kind: string, due: string, days: number) => `${kind} ${due}, ${days} day${days === 1 ? '' : 's'} left`,
    dueToday: (kind: string, due: string) => `${kind} ${due}: today`,
    overdue: (kind: string, due: string, days: number) => `${kind} ${due}: ${days} day${days === 1 ? '' : 's'} overdue`,
    noActions: 'Nothing for you to do on this case now',
    done: (action: string) => `Done: ${action}`,
    failed: 'The action could not be completed; please try again',
    loadFailed: 'Cannot load the workflow',
    confirm: (action: string, caseNumber: string) => `"${action}" case ${caseNumber}?`,
    cancel: 'Cancel',
    submit: 'Confirm',
    reason: { reject: 'Reason for rejection', 'return-closing': 'Reason for returning (the lawyer will see it)' } as Record<string, string>,
    note: 'Note (optional)',
    ground: 'Ground (Legal Aid Law art. 48)',
    rejectedBecause: (reason: string) => `Rejected because: ${reason}`,
    terminatedBecause: (ground: string) => `Terminated: ${ground}`,
    terminationNote: (note: string) => `Note: ${note}`,
    history: 'History',
    noHistory: 'Nothing recorded yet',
    at: 'When',
    who: 'By',
    what: 'Action',
    detail: 'Change',
    system: 'System',
    lawyer: 'Lawyer',
    search: 'Find a lawyer by name',
    eligible: (n: number) => `${n} eligible`,
    ineligible: (n: number) => `${n} not eligible (cannot be chosen)`,
    noLawyer: 'No lawyer matches',
    independent: 'No firm',
    loadingLawyers: 'Checking which lawyers may take this case…',
    amount: (money: string) => `recovered ${money}`,
  },
};
