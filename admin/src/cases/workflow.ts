// A case's workflow: its states and moves as /api/meta declares them (api/cases/lifecycle.ts),
// where one case stands as GET /api/cases/:id/workflow answers, and the words its screens use.
import { useQuery } from '@tanstack/react-query';
import type { RaRecord } from 'react-admin';
import { useApi } from '../apiClient.js';
import { useResourceMeta, type CaseWorkflowState, type Label, type WorkflowHistoryEntry, type WorkflowMeta } from '../meta.js';

export type { CaseDeadline, CaseWorkflowState } from '../meta.js';
export type HistoryEntry = WorkflowHistoryEntry;
/** A move the user may make now, as the workflow route labels it. */
export type CaseAction = CaseWorkflowState['actions'][number];

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

/** What the screens read from the declared workflow. */
export interface CaseLifecycle {
  /** Application to archive. */
  mainPath: string[];
  /** Off the main path, a case has ended (rejected, terminated). */
  isMain: (status: unknown) => status is string;
  /** Moves that leave the main path or go back on it: drawn as warnings, not as the next step. */
  isCautious: (action: string) => boolean;
  /** Any move's label, also for those no longer allowed (the history). */
  actionLabel: (action: string) => Label | undefined;
  /** The last main-path state a case reached before it was rejected or terminated. */
  lastMainStatus: (record: RaRecord, history: HistoryEntry[]) => string;
}

export function caseLifecycle({ mainPath, actions }: WorkflowMeta): CaseLifecycle {
  const isMain = (status: unknown): status is string => mainPath.includes(status as string);
  const byName = new Map(actions.map((a) => [a.name, a]));
  const isCautious = (name: string) => {
    const action = byName.get(name);
    if (!action) return false;
    const to = mainPath.indexOf(action.to);
    return to < 0 || action.from.some((from) => mainPath.indexOf(from) > to);
  };
  const lastMainStatus = (record: RaRecord, history: HistoryEntry[]) => {
    const ending = [...history].reverse().find((h) => h.changes?.status && !isMain(h.changes.status[1]));
    const before = ending?.changes?.status?.[0];
    if (isMain(before)) return before;
    // Cases ended before the audit trail began: the furthest stamp tells how far they got,
    // else the one state the move that ended them starts from.
    const stamped = [...mainPath].reverse().find((status) =>
      actions.some((a) => a.to === status && a.stamps && record[a.stamps]));
    if (stamped) return stamped;
    const from = actions.filter((a) => a.to === record.status).flatMap((a) => a.from);
    return from.length === 1 ? from[0] : mainPath[0];
  };
  return { mainPath, isMain, isCautious, actionLabel: (name) => byName.get(name)?.label, lastMainStatus };
}

export function useCaseLifecycle(): CaseLifecycle {
  const { workflow } = useResourceMeta('cases');
  if (!workflow) throw new Error('/api/meta describes no workflow for cases');
  return caseLifecycle(workflow);
}

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
