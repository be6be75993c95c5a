// 案卷评查 on a case's page: the inspection's score, grade and comments (a lawyer reads own cases');
// for supervisors and admins, while a closed file is not inspected yet, the rubric to fill and save.
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkBase, useCreate, useGetList, useNotify } from 'react-admin';
import { FormSheet, SheetScore, permissionsOf, useLabel, useResourceMeta, useSheetForm, type Answers, type CasePanelProps } from '../../../admin/src/plugin-kit.js';

export function Inspection({ row, open = false }: { row: Record<string, any>; open?: boolean }) {
  const label = useLabel();
  const { definition } = useSheetForm(row.formId, 'case-inspection');
  return (
    <Box sx={{ pt: 1 }} data-inspection={row.id}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2">{[row.inspectedAt, row.inspector ? `${label({ zh: '评查人', en: 'Inspector' })}：${row.inspector}` : ''].filter(Boolean).join(' · ')}</Typography>
        {definition ? <SheetScore score={row.score} grade={row.grade} definition={definition} /> : null}
      </Stack>
      {row.comments ? <Alert severity="info" sx={{ mt: 1 }} data-testid="inspection-comments">{label({ zh: '评查意见', en: 'Comments' })}：{row.comments}</Alert> : null}
      {definition ? (
        <details style={{ marginTop: 8 }} open={open}>
          <summary>{label({ zh: '查看评查表', en: 'The rubric' })}</summary>
          <FormSheet definition={definition} answers={(row.answers ?? {}) as Answers} stored={{ score: row.score, grade: row.grade }} />
        </details>
      ) : null}
    </Box>
  );
}

export function Rubric({ caseId }: { caseId: unknown }) {
  const label = useLabel();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { definition, id: formId } = useSheetForm(undefined, 'case-inspection');
  const [answers, setAnswers] = useState<Answers>({});
  const [comments, setComments] = useState('');
  const [inspector, setInspector] = useState('');
  const [create, { isPending }] = useCreate();
  if (!definition) return null;
  const save = () => create('case-inspections', { data: { caseId, formId, answers, comments, inspector } }, {
    onSuccess: () => {
      notify(label({ zh: '评查已保存', en: 'Inspection saved' }), { type: 'success' });
      void queryClient.invalidateQueries();
    },
    onError: (error) => notify((error as Error).message, { type: 'error' }),
  });
  return (
    <Box data-testid="inspection-rubric">
      <FormSheet definition={definition} answers={answers} onChange={setAnswers} />
      <Stack spacing={2} sx={{ mt: 2, maxWidth: 640 }}>
        <TextField label={label({ zh: '评查人', en: 'Inspector' })} size="small" value={inspector} onChange={(e) => setInspector(e.target.value)} slotProps={{ htmlInput: { maxLength: 50, name: 'inspector' } }} />
        <TextField label={label({ zh: '评查意见', en: 'Comments' })} multiline minRows={2} value={comments} onChange={(e) => setComments(e.target.value)} slotProps={{ htmlInput: { maxLength: 2000, name: 'comments' } }} />
        <Box><Button variant="contained" disabled={isPending} onClick={save} data-testid="save-inspection">{label({ zh: '保存评查', en: 'Save the inspection' })}</Button></Box>
      </Stack>
    </Box>
  );
}

export function InspectionPanel({ caseRecord }: CasePanelProps) {
  const label = useLabel();
  const resource = useResourceMeta('case-inspections');
  const { data = [], isPending } = useGetList('case-inspections', { filter: { caseId: caseRecord.id }, pagination: { page: 1, perPage: 1 } });
  const closed = ['closed', 'archived'].includes(String(caseRecord.status));
  const [row] = data;
  return (
    <Card data-testid="case-inspection">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h6">{label(resource.label)}</Typography>
          {closed && permissionsOf(resource).create ? (
            <Button size="small" component={LinkBase} to={`/case-inspections/inspect/${caseRecord.id}`} data-testid="open-inspect-page">{label({ zh: '在评查页面中打开', en: 'Open the inspection screen' })}</Button>
          ) : null}
        </Stack>
        {row ? <Inspection row={row} /> : null}
        {!isPending && !row && !closed ? <Typography color="text.secondary">{label({ zh: '结案后评查', en: 'Inspected once the case is closed' })}</Typography> : null}
        {!isPending && !row && closed && !permissionsOf(resource).create ? <Typography color="text.secondary">{label({ zh: '尚未评查', en: 'Not inspected yet' })}</Typography> : null}
        {!isPending && !row && closed && permissionsOf(resource).create ? <Rubric caseId={caseRecord.id} /> : null}
      </CardContent>
    </Card>
  );
}
