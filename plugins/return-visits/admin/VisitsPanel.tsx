// 回访 on a case's page: each visit's satisfaction and score, and the complaint a visit opened.
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { LinkBase, useGetList } from 'react-admin';
import { fieldOf, permissionsOf, useLabel, useResourceMeta, type CasePanelProps } from '../../../admin/src/plugin-kit.js';

export function VisitsPanel({ caseRecord }: CasePanelProps) {
  const label = useLabel();
  const resource = useResourceMeta('return-visits');
  const { data = [], isPending } = useGetList('return-visits', { filter: { caseId: caseRecord.id }, sort: { field: 'visitedAt', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const option = (field: string, id: string) => label(fieldOf(resource, field)?.options?.find((o) => o.id === id)?.label ?? { zh: id, en: id });
  const source = encodeURIComponent(JSON.stringify({ caseId: caseRecord.id }));
  return (
    <Card data-testid="return-visits">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6">{label(resource.label)}</Typography>
          {permissionsOf(resource).create ? <Button variant="contained" size="small" component={LinkBase} to={`/return-visits/create?source=${source}`}>{label({ zh: '记录回访', en: 'Record a visit' })}</Button> : null}
        </Stack>
        {!isPending && !data.length ? <Typography color="text.secondary">{label({ zh: '尚未回访', en: 'Not visited yet' })}</Typography> : null}
        {data.map((v) => (
          <Box key={v.id} sx={{ borderTop: 1, borderColor: 'divider', py: 1.25 }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <LinkBase to={`/return-visits/${v.id}/show`}>{v.visitedAt}</LinkBase>
              <Typography variant="body2">{option('method', v.method)} · {v.reachedPerson}</Typography>
              <Chip size="small" color={v.satisfaction === 'dissatisfied' ? 'error' : 'success'} label={option('satisfaction', v.satisfaction)} />
              {v.score !== null ? <Typography variant="body2" color="text.secondary">{label({ zh: `得分 ${v.score}`, en: `Score ${v.score}` })}</Typography> : null}
            </Stack>
            {v.complaintId ? (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="complaint-opened">
                {label({ zh: '本次回访反映收受财物或私自收费，已自动登记投诉：', en: 'This visit reported money, gifts or fees; a complaint was opened: ' })}
                <LinkBase to={`/complaints/${v.complaintId}/show`}>#{v.complaintId}</LinkBase>
              </Alert>
            ) : null}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
