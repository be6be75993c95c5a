// On a case's page: where it stands (a stepper along the main path, or its red end), the
// statutory deadline it runs against, the actions this user may take now, and its history.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Divider, Skeleton, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { fieldOf, useResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { refusalOf } from '../apiClient.js';
import { ActionDialog } from './ActionDialog.js';
import { DeadlineChip } from './DeadlineChip.js';
import { WorkflowHistory } from './WorkflowHistory.js';
import { WorkflowStepper } from './WorkflowStepper.js';
import { useCaseLifecycle, useCaseWorkflow, type CaseAction } from './workflow.js';

/** `{ zh, en }` of an enum field's option, or the value itself. */
function useOptionLabel(fieldName: string): (value: string) => string {
  const cases = useResourceMeta('cases');
  const label = useLabel();
  const options = fieldOf(cases, fieldName)?.options ?? [];
  return (value) => {
    const option = options.find((o) => o.id === value);
    return option ? label(option.label) : value;
  };
}

export function CaseWorkflow() {
  const record = useRecordContext();
  const label = useLabel();
  const translate = useTranslate();
  const statusLabel = useOptionLabel('status');
  const groundLabel = useOptionLabel('terminationGround');
  const workflow = useCaseWorkflow(record?.id);
  const { isMain, isCautious } = useCaseLifecycle();
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (!record) return null;

  const state = workflow.data;
  // The workflow answers with the status it read; until then the page's record says.
  const status = state?.status ?? String(record.status);
  const history = state?.history ?? [];
  const actions = state?.actions ?? [];
  const ended = !isMain(status);

  return (
    <Card sx={{ mb: 2 }} data-testid="case-workflow">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>{translate('fayuan.workflow.title')}</Typography>
        <Box sx={{ overflowX: 'auto', pb: 1 }}>
          <WorkflowStepper record={record} status={status} history={history} statusLabel={statusLabel} />
        </Box>
        {ended && (record.decisionReason || record.terminationGround) ? (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }} data-testid="case-end-reason">
            {status === 'terminated' && record.terminationGround ? <div>{translate('fayuan.workflow.terminated_because', { ground: groundLabel(String(record.terminationGround)) })}</div> : null}
            {record.decisionReason
              ? <div>{status === 'rejected' ? translate('fayuan.workflow.rejected_because', { reason: String(record.decisionReason) }) : translate('fayuan.workflow.termination_note', { note: String(record.decisionReason) })}</div>
              : null}
          </Alert>
        ) : null}
        {workflow.error ? (
          <Alert severity="error" sx={{ mt: 2 }}>{refusalOf(workflow.error, translate('fayuan.workflow.load_failed')).message}</Alert>
        ) : (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2, alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
            <Box>{state ? <DeadlineChip deadline={state.deadline} /> : null}</Box>
            <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }} data-testid="case-actions">
              {workflow.isPending ? <Skeleton width={240} height={40} /> : null}
              {state && !actions.length ? <Typography variant="body2" color="text.secondary">{translate('fayuan.workflow.no_actions')}</Typography> : null}
              {actions.map((action, i) => {
                const cautious = isCautious(action.name);
                const main = !cautious && i === actions.findIndex((a) => !isCautious(a.name));
                return (
                  <Button
                    key={action.name}
                    data-action={action.name}
                    variant={main ? 'contained' : 'outlined'}
                    color={cautious ? 'error' : 'primary'}
                    onClick={() => setOpen(action)}
                  >
                    {label(action.label)}
                  </Button>
                );
              })}
            </Stack>
          </Stack>
        )}
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>{translate('fayuan.workflow.history')}</Typography>
        <WorkflowHistory history={history} />
      </CardContent>
      {open ? <ActionDialog key={open.name} record={record} action={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
