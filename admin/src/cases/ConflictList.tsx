// 利益冲突审查 in the console: the matches GET /api/cases/:id/conflicts finds for the case, or for
// the case and one lawyer (in the assign and change-lawyer dialogs). Admins only.
import { Alert, Box, Link } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../apiClient.js';

export interface Conflict {
  kind: string;
  caseId: number;
  caseNumber: string;
  matchedOn: 'idNumber' | 'name';
}

const kinds: Record<string, string> = {
  applicant_was_opposing_party: '申请人曾是其他案件的对方当事人',
  opposing_party_was_client: '对方当事人曾是本中心的受援人',
  lawyer_acted_for_opposing_party: '该律师曾代理对方当事人（不得指派）',
  firm_acted_for_opposing_party: '该律师所在律所曾代理对方当事人',
  lawyer_acted_against_applicant: '该律师曾代理申请人的对方',
  firm_acted_against_applicant: '该律师所在律所曾代理申请人的对方',
};

export function useConflicts(caseId: unknown, lawyerId?: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['cases', String(caseId), 'conflicts', lawyerId ?? null],
    queryFn: () => api.get<Conflict[]>(`/api/cases/${caseId}/conflicts${lawyerId ? `?lawyerId=${lawyerId}` : ''}`),
  });
}

export function ConflictList({ conflicts }: { conflicts: Conflict[] }) {
  if (!conflicts.length) return null;
  const refused = conflicts.some((c) => c.kind === 'lawyer_acted_for_opposing_party');
  return (
    <Alert severity={refused ? 'error' : 'warning'} data-testid="conflicts">
      <strong>利益冲突提示</strong>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {conflicts.map((c) => (
          <li key={`${c.kind}-${c.caseId}`}>
            {kinds[c.kind] ?? c.kind}：<Link href={`#/cases/${c.caseId}/show`}>{c.caseNumber || `#${c.caseId}`}</Link>
            （{c.matchedOn === 'idNumber' ? '身份证号一致' : '姓名一致'}）
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/** On the case's page: the case's own conflicts, for an admin. */
export function CaseConflicts({ caseId }: { caseId: unknown }) {
  const { data } = useConflicts(caseId);
  return data?.length ? <Box sx={{ mb: 2 }}><ConflictList conflicts={data} /></Box> : null;
}
