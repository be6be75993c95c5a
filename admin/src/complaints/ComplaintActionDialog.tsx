// The dialog of one complaint action: what it must carry (a reason; findings, conclusion and
// outcome; the reply's date and method), or only a confirmation. The server decides; a refusal
// stays in the dialog, each field's message under its input.
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle,
  FormControl, FormHelperText, InputLabel, MenuItem, Select, Stack, TextField,
} from '@mui/material';
import { useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { refusalOf, useApi, type ApiRefusal } from '../apiClient.js';
import { fieldOf, useResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import type { Label } from '../meta.js';

/** The inputs of each action (api/complaints/lifecycle.ts). */
const INPUTS: Record<string, string[]> = {
  refuse: ['reason'],
  extend: ['reason'],
  conclude: ['findings', 'conclusion', 'outcome'],
  reply: ['repliedAt', 'replyMethod'],
};

export function ComplaintActionDialog({ record, action, onClose }: { record: RaRecord; action: { name: string; label: Label }; onClose: () => void }) {
  const api = useApi();
  const refresh = useRefresh();
  const notify = useNotify();
  const label = useLabel();
  const translate = useTranslate();
  const complaints = useResourceMeta('complaints');
  const inputs = INPUTS[action.name] ?? [];
  const [values, setValues] = useState<Record<string, string>>(action.name === 'reply' ? { repliedAt: new Date().toISOString().slice(0, 10) } : {});
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null);
  const [sending, setSending] = useState(false);
  const actionLabel = label(action.label);
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const error = (name: string) => refusal?.errors[name];
  const fieldLabel = (name: string) => {
    if (name === 'reason') return translate(`fayuan.complaints.reason.${action.name}`);
    const field = fieldOf(complaints, name);
    return field ? label(field.label) : name;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setRefusal(null);
    try {
      await api.post(`/api/complaints/${record.id}/transitions/${action.name}`, Object.fromEntries(inputs.map((n) => [n, values[n] ?? ''])));
      onClose();
      notify(translate('fayuan.workflow.done', { action: actionLabel }), { type: 'success' });
      refresh();
    } catch (e) {
      setRefusal(refusalOf(e, translate('fayuan.workflow.failed')));
    } finally {
      setSending(false);
    }
  };

  const input = (name: string, i: number): ReactNode => {
    const field = fieldOf(complaints, name);
    if (field?.type === 'enum') {
      return (
        <FormControl key={name} fullWidth error={Boolean(error(name))}>
          <InputLabel id={`complaint-${name}`}>{fieldLabel(name)}</InputLabel>
          <Select labelId={`complaint-${name}`} name={name} label={fieldLabel(name)} value={values[name] ?? ''} onChange={(e) => set(name)(String(e.target.value))}>
            {(field.options ?? []).map((o) => <MenuItem key={o.id} value={o.id}>{label(o.label)}</MenuItem>)}
          </Select>
          {error(name) ? <FormHelperText>{error(name)}</FormHelperText> : null}
        </FormControl>
      );
    }
    return (
      <TextField
        key={name} name={name} label={fieldLabel(name)} value={values[name] ?? ''} onChange={(e) => set(name)(e.target.value)}
        type={field?.type === 'date' ? 'date' : 'text'} multiline={field?.type !== 'date'} minRows={field?.type === 'date' ? undefined : 3}
        fullWidth autoFocus={i === 0} error={Boolean(error(name))} helperText={error(name)}
        slotProps={field?.type === 'date' ? { inputLabel: { shrink: true } } : undefined}
      />
    );
  };

  const other = Object.entries(refusal?.errors ?? {}).filter(([name]) => !inputs.includes(name)).map(([, m]) => m);
  const rules = (refusal?.rules ?? []).map((r) => label(r.message));
  return (
    <Dialog
      open onClose={sending ? undefined : onClose} fullWidth maxWidth={inputs.length ? 'sm' : 'xs'}
      slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true, 'data-testid': `action-dialog-${action.name}` } as object }}
    >
      <DialogTitle>{actionLabel}</DialogTitle>
      <DialogContent>
        {refusal ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="action-refusal">
            {rules.length ? rules.join('；') : refusal.message}
            {other.map((m) => <Box key={m}>{m}</Box>)}
          </Alert>
        ) : null}
        {inputs.length
          ? <Stack spacing={2} sx={{ pt: 1 }}>{inputs.map(input)}</Stack>
          : <DialogContentText>{translate('fayuan.complaints.confirm', { action: actionLabel, name: String(record.complainantName ?? record.id) })}</DialogContentText>}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={sending}>{translate('fayuan.workflow.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={sending} color={action.name === 'refuse' ? 'error' : 'primary'}
          startIcon={sending ? <CircularProgress size={16} color="inherit" /> : undefined}>
          {actionLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
