// 旁听庭审 on a case's page: each observation's score, grade and feedback (the lawyer's view);
// supervisors also see the private notes and the sheet, and observe a hearing from the work log.
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase, useGetList } from 'react-admin';
import { FormSheet, SheetScore, permissionsOf, useLabel, useResourceMeta, useSheetForm, type Answers, type CasePanelProps } from '../../../admin/src/plugin-kit.js';

function Observation({ row }: { row: Record<string, any> }) {
  const label = useLabel();
  const { definition } = useSheetForm(row.formId, 'hearing-observation');
  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }} data-observation={row.id}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2">{[row.observedOn, row.court, `${label({ zh: '旁听人员', en: 'Observers' })}：${row.observers}`].filter(Boolean).join(' · ')}</Typography>
        {definition ? <SheetScore score={row.score} grade={row.grade} definition={definition} /> : null}
      </Stack>
      {row.feedback ? <Alert severity="info" sx={{ mt: 1 }} data-testid="feedback">{label({ zh: '反馈意见', en: 'Feedback' })}：{row.feedback}</Alert> : null}
      {row.judgeView ? <Typography variant="body2" sx={{ mt: 1 }}>{label({ zh: '法官意见', en: "Judge's view" })}：{row.judgeView}</Typography> : null}
      {row.privateNotes ? <Alert severity="warning" sx={{ mt: 1 }} data-testid="private-notes">{label({ zh: '内部备注', en: 'Private notes' })}：{row.privateNotes}</Alert> : null}
      {definition ? (
        <details style={{ marginTop: 8 }}>
          <summary>{label({ zh: '查看评分表', en: 'The sheet' })}</summary>
          <FormSheet definition={definition} answers={(row.answers ?? {}) as Answers} stored={{ score: row.score, grade: row.grade }} />
        </details>
      ) : null}
    </Box>
  );
}

export function ObservationsPanel({ caseRecord }: CasePanelProps) {
  const label = useLabel();
  const resource = useResourceMeta('hearing-observations');
  const { data = [], isPending } = useGetList('hearing-observations', {
    filter: { caseId: caseRecord.id }, sort: { field: 'observedOn', order: 'DESC' }, pagination: { page: 1, perPage: 50 },
  });
  const source = encodeURIComponent(JSON.stringify({ caseId: caseRecord.id }));
  return (
    <Card data-testid="hearing-observations">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6">{label(resource.label)}</Typography>
          {permissionsOf(resource).create ? (
            <Button variant="contained" size="small" component={LinkBase} to={`/hearing-observations/create?source=${source}`}>{label({ zh: '旁听评价', en: 'Observe' })}</Button>
          ) : null}
        </Stack>
        {!isPending && !data.length ? <Typography color="text.secondary">{label({ zh: '本案尚无旁听记录', en: 'Not observed yet' })}</Typography> : null}
        {data.map((row) => <Observation key={row.id} row={row} />)}
      </CardContent>
    </Card>
  );
}
