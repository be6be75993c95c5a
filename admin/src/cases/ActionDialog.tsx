// The dialog of one case action: what the action must carry (a reason, a lawyer, an outcome, a
// ground), or only a confirmation. The server decides; a refusal is shown in the dialog, which
// stays open, with each field's message under its input.
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert, Box, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle,
  FormControl, FormControlLabel, FormHelperText, FormLabel, InputLabel, MenuItem, Radio, RadioGroup, Select,
  Stack, TextField,
} from '@mui/material';
import { useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { refusalOf, useApi, type ApiRefusal } from '../apiClient.js';
import { fieldOf, useResourceMeta, type FieldMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { LawyerPicker } from './LawyerPicker.js';
import { ConflictList, useConflicts } from './ConflictList.js';
import { useCaseLifecycle, type CaseAction } from './workflow.js';

type Values = Record<string, string>;

/** The JSON each action takes (api/cases/lifecycle.ts); fields left empty are left out. */
export function payloadOf(action: string, values: Values): Record<string, unknown> {
  switch (action) {
    case 'reject':
    case 'return-closing':
      return { reason: values.reason ?? '' };
    case 'assign':
      return {
        lawyerId: values.lawyerId ? Number(values.lawyerId) : undefined, assignmentMethod: values.assignmentMethod || 'assigned',
        ...(values.acknowledgeConflicts === 'true' ? { acknowledgeConflicts: true } : {}),
      };
    case 'change-lawyer':
      return {
        lawyerId: values.lawyerId ? Number(values.lawyerId) : undefined, reason: values.reason || undefined,
        ...(values.note?.trim() ? { note: values.note } : {}),
        ...(values.acknowledgeConflicts === 'true' ? { acknowledgeConflicts: true } : {}),
      };
    case 'close': {
      const amount = (values.amountRecovered ?? '').trim();
      // A number goes as a number; anything else as typed, for the server to name the mistake.
      return { outcome: values.outcome ?? '', amountRecovered: amount === '' ? null : Number.isFinite(Number(amount)) ? Number(amount) : amount };
    }
    case 'terminate':
      return { reason: values.reason || undefined, ...(values.note?.trim() ? { note: values.note } : {}) };
    default:
      return {};
  }
}

/** The actions whose dialog asks for something; the others only confirm. */
const WITH_FORM = new Set(['reject', 'return-closing', 'assign', 'change-lawyer', 'close', 'terminate']);

/** Why a case changes lawyer (api/cases/lifecycle.ts `lawyerChangeReasons`). */
const lawyerChangeReasons: Array<[string, string]> = [
  ['client_request', '受援人有正当理由要求更换'], ['lawyer_withdrawal', '法律援助人员申请退出'], ['complaint_upheld', '投诉查实'],
  ['conflict_of_interest', '发现利益冲突'], ['unable_to_act', '法律援助人员因故不能继续履行职责'],
];

/** The conflicts of the chosen lawyer on this case, and the admin's acknowledgement of the warnings. */
function LawyerConflicts({ caseId, lawyerId, acknowledged, onAcknowledge }: { caseId: unknown; lawyerId: number | null; acknowledged: boolean; onAcknowledge: (v: boolean) => void }) {
  const { data } = useConflicts(caseId, lawyerId);
  if (!data?.length) return null;
  const refused = data.some((c) => c.kind === 'lawyer_acted_for_opposing_party');
  return (
    <Stack spacing={1}>
      <ConflictList conflicts={data} />
      {refused ? null : (
        <FormControlLabel control={<Checkbox name="acknowledgeConflicts" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />} label="已审查上述利益冲突提示，确认指派" />
      )}
    </Stack>
  );
}

interface ActionDialogProps {
  record: RaRecord;
  action: CaseAction;
  onClose: () => void;
}

export function ActionDialog({ record, action, onClose }: ActionDialogProps) {
  const api = useApi();
  const refresh = useRefresh();
  const notify = useNotify();
  const label = useLabel();
  const translate = useTranslate();
  const cases = useResourceMeta('cases');
  const { isCautious } = useCaseLifecycle();
  const [values, setValues] = useState<Values>({ assignmentMethod: 'assigned' });
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null);
  const [sending, setSending] = useState(false);
  const actionLabel = label(action.label);
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const fieldError = (name: string) => refusal?.errors[name];
  const fieldLabel = (name: string, fallback: string) => {
    const field = fieldOf(cases, name);
    return field ? label(field.label) : fallback;
  };
  const options = (name: string) => (fieldOf(cases, name) as FieldMeta | undefined)?.options ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setRefusal(null);
    try {
      await api.post(`/api/cases/${record.id}/transitions/${action.name}`, payloadOf(action.name, values));
      onClose();
      notify(translate('fayuan.workflow.done', { action: actionLabel }), { type: 'success' });
      refresh();
    } catch (error) {
      setRefusal(refusalOf(error, translate('fayuan.workflow.failed')));
    } finally {
      setSending(false);
    }
  };

  const conflicts = (
    <LawyerConflicts
      caseId={record.id} lawyerId={values.lawyerId ? Number(values.lawyerId) : null}
      acknowledged={values.acknowledgeConflicts === 'true'} onAcknowledge={(v) => set('acknowledgeConflicts')(String(v))}
    />
  );
  let body: ReactNode;
  switch (action.name) {
    case 'reject':
    case 'return-closing':
      body = (
        <TextField
          name="reason" label={translate(`fayuan.workflow.reason.${action.name}`)} value={values.reason ?? ''} onChange={(e) => set('reason')(e.target.value)}
          multiline minRows={3} fullWidth autoFocus error={Boolean(fieldError('reason'))} helperText={fieldError('reason')}
        />
      );
      break;
    case 'assign':
      body = (
        <Stack spacing={2}>
          <LawyerPicker caseId={record.id} value={values.lawyerId ? Number(values.lawyerId) : null} onChange={(id) => set('lawyerId')(String(id))} error={fieldError('lawyerId')} />
          {conflicts}
          <FormControl error={Boolean(fieldError('assignmentMethod'))}>
            <FormLabel id="assignment-method">{fieldLabel('assignmentMethod', '指派方式')}</FormLabel>
            <RadioGroup row aria-labelledby="assignment-method" name="assignmentMethod" value={values.assignmentMethod} onChange={(e) => set('assignmentMethod')(e.target.value)}>
              {options('assignmentMethod').map((o) => <FormControlLabel key={o.id} value={o.id} control={<Radio size="small" />} label={label(o.label)} />)}
            </RadioGroup>
            {fieldError('assignmentMethod') ? <FormHelperText>{fieldError('assignmentMethod')}</FormHelperText> : null}
          </FormControl>
        </Stack>
      );
      break;
    case 'change-lawyer':
      body = (
        <Stack spacing={2}>
          <LawyerPicker caseId={record.id} value={values.lawyerId ? Number(values.lawyerId) : null} onChange={(id) => set('lawyerId')(String(id))} error={fieldError('lawyerId')} />
          {conflicts}
          <FormControl fullWidth error={Boolean(fieldError('reason'))}>
            <InputLabel id="change-reason">更换原因</InputLabel>
            <Select labelId="change-reason" name="reason" label="更换原因" value={values.reason ?? ''} onChange={(e) => set('reason')(String(e.target.value))}>
              {lawyerChangeReasons.map(([id, text]) => <MenuItem key={id} value={id}>{text}</MenuItem>)}
            </Select>
            {fieldError('reason') ? <FormHelperText>{fieldError('reason')}</FormHelperText> : null}
          </FormControl>
          <TextField
            name="note" label={translate('fayuan.workflow.note')} value={values.note ?? ''} onChange={(e) => set('note')(e.target.value)}
            multiline minRows={2} fullWidth error={Boolean(fieldError('note'))} helperText={fieldError('note')}
          />
        </Stack>
      );
      break;
    case 'close':
      body = (
        <Stack spacing={2}>
          <TextField
            name="outcome" label={fieldLabel('outcome', '办案结果')} value={values.outcome ?? ''} onChange={(e) => set('outcome')(e.target.value)}
            multiline minRows={3} fullWidth autoFocus error={Boolean(fieldError('outcome'))} helperText={fieldError('outcome')}
          />
          <TextField
            name="amountRecovered" label={fieldLabel('amountRecovered', '挽回损失或取得利益（元）')} value={values.amountRecovered ?? ''}
            onChange={(e) => set('amountRecovered')(e.target.value)} type="number" sx={{ maxWidth: 280 }}
            slotProps={{ htmlInput: { min: 0, step: 0.01, inputMode: 'decimal' } }}
            error={Boolean(fieldError('amountRecovered'))} helperText={fieldError('amountRecovered')}
          />
        </Stack>
      );
      break;
    case 'terminate':
      body = (
        <Stack spacing={2}>
          <FormControl fullWidth error={Boolean(fieldError('reason'))}>
            <InputLabel id="termination-ground">{translate('fayuan.workflow.ground')}</InputLabel>
            <Select
              labelId="termination-ground" name="reason" label={translate('fayuan.workflow.ground')} value={values.reason ?? ''}
              onChange={(e) => set('reason')(String(e.target.value))}
            >
              {options('terminationGround').map((o) => <MenuItem key={o.id} value={o.id} sx={{ whiteSpace: 'normal' }}>{label(o.label)}</MenuItem>)}
            </Select>
            {fieldError('reason') ? <FormHelperText>{fieldError('reason')}</FormHelperText> : null}
          </FormControl>
          <TextField
            name="note" label={translate('fayuan.workflow.note')} value={values.note ?? ''} onChange={(e) => set('note')(e.target.value)}
            multiline minRows={2} fullWidth error={Boolean(fieldError('note'))} helperText={fieldError('note')}
          />
        </Stack>
      );
      break;
    default:
      body = <DialogContentText>{translate('fayuan.workflow.confirm', { action: actionLabel, caseNumber: String(record.caseNumber ?? record.id) })}</DialogContentText>;
  }

  // Field errors without an input of their own (e.g. `_`) join the dialog's message.
  const shownFields = new Set(['reason', 'lawyerId', 'assignmentMethod', 'outcome', 'amountRecovered', 'note', 'acknowledgeConflicts']);
  const otherErrors = Object.entries(refusal?.errors ?? {}).filter(([name]) => !shownFields.has(name)).map(([, message]) => message);
  const ruleMessages = (refusal?.rules ?? []).map((r) => label(r.message));

  return (
    <Dialog
      open
      onClose={sending ? undefined : onClose}
      fullWidth
      maxWidth={action.name === 'assign' || action.name === 'change-lawyer' ? 'sm' : WITH_FORM.has(action.name) ? 'sm' : 'xs'}
      slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true, 'data-testid': `action-dialog-${action.name}` } as object }}
    >
      <DialogTitle>{actionLabel}</DialogTitle>
      <DialogContent>
        {refusal ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="action-refusal">
            {ruleMessages.length > 1 ? (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>{ruleMessages.map((m) => <li key={m}>{m}</li>)}</Box>
            ) : refusal.message}
            {otherErrors.map((m) => <Box key={m}>{m}</Box>)}
          </Alert>
        ) : null}
        <Box sx={{ pt: WITH_FORM.has(action.name) ? 1 : 0 }}>{body}</Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={sending}>{translate('fayuan.workflow.cancel')}</Button>
        <Button
          type="submit" variant="contained" disabled={sending}
          color={isCautious(action.name) ? 'error' : 'primary'}
          startIcon={sending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {actionLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
