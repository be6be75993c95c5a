// 评查 on one screen (/case-inspections/inspect/:caseId): the file's material on the left, read through each
// register's own API, and the rubric on the right (or the inspection once saved), so an inspector never leaves the page.
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase, Title, useGetList, useGetOne } from 'react-admin';
import { permissionsOf, useLabel, useResourceMeta, type PluginPageProps } from '../../../admin/src/plugin-kit.js';
import { CaseMaterial } from './CaseMaterial.js';
import { Inspection, Rubric } from './InspectionPanel.js';


export function InspectPage({ params }: PluginPageProps) {
  const label = useLabel();
  const caseId = String(params.caseId ?? '');
  const resource = useResourceMeta('case-inspections');
  const { data: record, error } = useGetOne('cases', { id: caseId }, { enabled: /^\d+$/.test(caseId) });
  const { data = [], isPending } = useGetList('case-inspections', { filter: { caseId }, pagination: { page: 1, perPage: 1 } }, { enabled: /^\d+$/.test(caseId) });
  const [row] = data;
  const closed = ['closed', 'archived'].includes(String(record?.status));
  const title = label({ zh: `案卷评查 ${record?.caseNumber ?? ''}`, en: `Inspecting ${record?.caseNumber ?? ''}` });
  if (error || !/^\d+$/.test(caseId)) return <Typography sx={{ p: 3 }} color="error">{label({ zh: '案件不存在或无权查看', en: 'No such case, or not yours to see' })}</Typography>;
  return (
    <Box sx={{ py: 2 }} data-testid="inspect-page">
      <Title title={title} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1">{title}</Typography>
        <Button size="small" component={LinkBase} to={`/cases/${caseId}/show`}>{label({ zh: '打开案件', en: 'Open the case' })}</Button>
        <Button size="small" component={LinkBase} to="/case-inspections">{label({ zh: '返回待评查案卷', en: 'Back to the queue' })}</Button>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <CaseMaterial caseId={caseId} />
        <Card sx={{ position: { lg: 'sticky' }, top: { lg: 72 }, maxHeight: { lg: 'calc(100vh - 88px)' }, overflowY: { lg: 'auto' } }} data-testid="inspect-rubric-column">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{label({ zh: '评查表', en: 'The rubric' })}</Typography>
            {row ? <Inspection row={row} open /> : null}
            {!isPending && !row && record && !closed ? <Typography color="text.secondary">{label({ zh: '结案后评查', en: 'Inspected once the case is closed' })}</Typography> : null}
            {!isPending && !row && closed && !permissionsOf(resource).create ? <Typography color="text.secondary">{label({ zh: '尚未评查', en: 'Not inspected yet' })}</Typography> : null}
            {!isPending && !row && closed && permissionsOf(resource).create ? <Rubric caseId={Number(caseId)} /> : null}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}
