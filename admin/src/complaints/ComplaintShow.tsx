// A complaint's page: where it stands (its state, the deadline it runs against and all three
// deadlines), the actions this user may take now, the history of its moves, then its fields.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Divider, Skeleton, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { refusalOf, useApi } from '../apiClient.js';
import { fieldOf, permissionsOf, useResourceMeta, type Label, type WorkflowHistoryEntry } from '../meta.js';
import { useLabel } from '../i18n.js';
import { RecordDetails, ShowActions } from '../generic/ResourceShow.js';
import { ComplaintActionDialog } from './ComplaintActionDialog.js';
import { ComplaintDeadlineChip } from './ComplaintDeadline.js';

interface ComplaintWorkflowState {
  status: string;
  actions: { name: string; label: Label }[];
  history: WorkflowHistoryEntry[];
}

const DEADLINES = ['acceptDeadline', 'concludeDeadline', 'replyDeadline'] as const;

function ComplaintWorkflow() {
  const record = useRecordContext();
  const api = useApi();
  const label = useLabel();
  const translate = useTranslate();
  const complaints = useResourceMeta('complaints');
  const [open, setOpen] = useState<ComplaintWorkflowState['actions'][number] | null>(null);
  const workflow = useQuery({
    queryKey: ['fayuan', 'complaints', String(record?.id), 'workflow', record?.version],
    queryFn: () => api.get<ComplaintWorkflowState>(`/api/complaints/${record!.id}/workflow`),
    enabled: record?.id != null,
  });
  if (!record) return null;
  const option = (field: string, value: unknown) => {
    const found = fieldOf(complaints, field)?.options?.find((o) => o.id === value);
    return found ? label(found.label) : String(value ?? '');
  };
  const state = workflow.data;
  const ended = ['not_accepted', 'replied'].includes(String(record.status));
  return (
    <Card sx={{ mb: 2 }} data-testid="complaint-workflow">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>{translate('fayuan.complaints.workflow')}</Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip data-testid="complaint-status" label={option('status', record.status)} color={ended ? (record.status === 'replied' ? 'success' : 'default') : 'primary'} />
            <ComplaintDeadlineChip />
          </Stack>
          <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }} data-testid="complaint-actions">
            {workflow.isPending ? <Skeleton width={240} height={40} /> : null}
            {workflow.error ? <Alert severity="error">{refusalOf(workflow.error, translate('fayuan.workflow.load_failed')).message}</Alert> : null}
            {state && !state.actions.length ? <Typography variant="body2" color="text.secondary">{translate('fayuan.workflow.no_actions')}</Typography> : null}
            {state?.actions.map((action, i) => (
              <Button key={action.name} data-action={action.name} variant={i === 0 && action.name !== 'refuse' ? 'contained' : 'outlined'}
                color={action.name === 'refuse' ? 'error' : 'primary'} onClick={() => setOpen(action)}>
                {label(action.label)}
              </Button>
            ))}
          </Stack>
        </Stack>
        {record.refusalReason ? <Alert severity="warning" variant="outlined" sx={{ mt: 2 }}>{translate('fayuan.complaints.refused', { reason: String(record.refusalReason) })}</Alert> : null}
        {record.extensionReason ? <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>{translate('fayuan.complaints.extended', { reason: String(record.extensionReason) })}</Alert> : null}
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>{translate('fayuan.complaints.deadlines')}</Typography>
        <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} data-testid="complaint-deadlines">
          {DEADLINES.map((name) => (
            <Box key={name} data-deadline={name}>
              <Typography variant="caption" color="text.secondary">{label(fieldOf(complaints, name)!.label)}</Typography>
              <Typography variant="body2">{record[name] ? String(record[name]) : '—'}</Typography>
            </Box>
          ))}
        </Stack>
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>{translate('fayuan.workflow.history')}</Typography>
        {state?.history.length ? (
          <Table size="small" data-testid="complaint-history">
            <TableBody>
              {state.history.map((h, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{h.readable.at}</TableCell>
                  <TableCell>{label(h.readable.who)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{label(h.readable.action)}</TableCell>
                  <TableCell>{h.changes?.status ? `${option('status', h.changes.status[0])} → ${option('status', h.changes.status[1])}` : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : <Typography variant="body2" color="text.secondary">{translate('fayuan.workflow.no_history')}</Typography>}
      </CardContent>
      {open ? <ComplaintActionDialog key={open.name} record={record} action={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

export function ComplaintShow() {
  const resource = useResourceMeta('complaints');
  return (
    <Show actions={<ShowActions canEdit={permissionsOf(resource).update} />} component="div">
      <ComplaintWorkflow />
      <RecordDetails resource={resource} />
    </Show>
  );
}
