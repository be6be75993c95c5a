// The ID and hardship proof a person uploaded with an online application, for the admin reviewing it.
import { Alert, Link, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../apiClient.js';

const purposes: Record<string, string> = { idDocument: '身份证明', hardshipProof: '经济困难证明' };

export function OnlineApplicationFiles({ caseId }: { caseId: unknown }) {
  const api = useApi();
  const { data } = useQuery({
    queryKey: ['cases', String(caseId), 'online-files'],
    queryFn: () => api.get<Array<{ id: number; purpose: string; kind: string; size: number }>>(`/api/cases/${caseId}/online-files`),
  });
  if (!data?.length) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="online-files">
      <Stack direction="row" spacing={2}>
        <span>网上申请材料：</span>
        {data.map((f) => <Link key={f.id} href={`/api/cases/${caseId}/online-files/${f.id}`}>{purposes[f.purpose] ?? f.purpose}（{f.kind.toUpperCase()}，{Math.ceil(f.size / 1024)} KB）</Link>)}
      </Stack>
    </Alert>
  );
}
