// A case's workflow: its states and moves as /api/meta declares them (api/cases/lifecycle.ts),
// and where one case stands as GET /api/cases/:id/workflow answers.
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
  lastMainStatus: (record: RaRecord, history: Pick<HistoryEntry, 'changes'>[]) => string;
}

export function caseLifecycle({ mainPath, actions }: WorkflowMeta): CaseLifecycle {
  const isMain = (status: unknown): status is string => mainPath.includes(status as string);
  const byName = new Map(actions.map((a) => [a.name, a]));
  const isCautious = (name: string) => {
    const action = byName.get(name);
    if (!action || action.to === null) return false;
    const to = mainPath.indexOf(action.to);
    return to < 0 || action.from.some((from) => mainPath.indexOf(from) > to);
  };
  const lastMainStatus = (record: RaRecord, history: Pick<HistoryEntry, 'changes'>[]) => {
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
