// Choosing the lawyer for a case: those the assignment rules allow first, then the others,
// disabled, each with the rules they fail (GET /api/cases/:id/eligible-lawyers).
import { useMemo, useState } from 'react';
import {
  Alert, Box, InputAdornment, LinearProgress, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader,
  Radio, TextField, Typography,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useQuery } from '@tanstack/react-query';
import { useGetMany, useTranslate } from 'react-admin';
import { useApi, refusalOf, type BrokenRule } from '../apiClient.js';
import { useLabel } from '../i18n.js';
import { caseQueryKey } from './workflow.js';

export interface CandidateLawyer {
  id: number;
  name: string;
  lawFirmId: number | null;
  eligible: boolean;
  problems: BrokenRule[];
  /** Cases assigned and not yet closed: the picker lists the least loaded first. */
  openCases: number;
}

interface LawyerPickerProps {
  caseId: unknown;
  value: number | null;
  onChange: (lawyerId: number) => void;
  /** The server's message for the lawyerId field, if it refused. */
  error?: string;
}

export function LawyerPicker({ caseId, value, onChange, error }: LawyerPickerProps) {
  const api = useApi();
  const label = useLabel();
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const candidates = useQuery({
    queryKey: caseQueryKey(caseId, 'eligible-lawyers'),
    queryFn: () => api.get<CandidateLawyer[]>(`/api/cases/${caseId}/eligible-lawyers`),
  });
  const firmIds = useMemo(
    () => [...new Set((candidates.data ?? []).map((l) => l.lawFirmId).filter((id): id is number => id !== null))],
    [candidates.data],
  );
  const { data: firms } = useGetMany('law-firms', { ids: firmIds }, { enabled: firmIds.length > 0 });
  const firmName = (id: number | null) => (id === null ? translate('fayuan.workflow.independent') : firms?.find((f) => f.id === id)?.name ?? '');

  if (candidates.isPending) {
    return (
      <Box sx={{ py: 2 }}>
        <Typography variant="body2" color="text.secondary">{translate('fayuan.workflow.loading_lawyers')}</Typography>
        <LinearProgress sx={{ mt: 1 }} />
      </Box>
    );
  }
  if (candidates.error) return <Alert severity="error">{refusalOf(candidates.error, translate('fayuan.workflow.failed')).message}</Alert>;

  const needle = search.trim();
  const shown = (candidates.data ?? []).filter((l) => !needle || l.name.includes(needle));
  const eligible = shown.filter((l) => l.eligible);
  const ineligible = shown.filter((l) => !l.eligible);

  const row = (lawyer: CandidateLawyer) => (
    <ListItemButton
      key={lawyer.id}
      role="radio"
      aria-checked={value === lawyer.id}
      aria-label={lawyer.name}
      data-eligible={lawyer.eligible}
      data-lawyer-id={lawyer.id}
      selected={value === lawyer.id}
      disabled={!lawyer.eligible}
      onClick={() => onChange(lawyer.id)}
      dense
      sx={{ alignItems: 'flex-start', '&.Mui-disabled': { opacity: 1 } }}
    >
      <ListItemIcon sx={{ minWidth: 36 }}>
        <Radio edge="start" size="small" checked={value === lawyer.id} disabled={!lawyer.eligible} tabIndex={-1} disableRipple sx={{ p: 0.5 }} />
      </ListItemIcon>
      <ListItemText
        primary={<>{lawyer.name}<Typography component="span" variant="caption" data-caseload={lawyer.openCases} sx={{ ml: 1, color: 'text.secondary' }}>{translate('fayuan.workflow.caseload', { count: lawyer.openCases })}</Typography></>}
        secondary={lawyer.eligible ? firmName(lawyer.lawFirmId) : (
          <>
            <Typography component="span" variant="body2" sx={{ display: 'block' }}>{firmName(lawyer.lawFirmId)}</Typography>
            {lawyer.problems.map((p) => (
              <Typography key={p.rule} component="span" variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                {label(p.message)}
              </Typography>
            ))}
          </>
        )}
        slotProps={{ primary: { sx: { color: lawyer.eligible ? 'text.primary' : 'text.disabled', fontWeight: value === lawyer.id ? 600 : undefined } } }}
      />
    </ListItemButton>
  );

  return (
    <Box>
      <TextField
        size="small"
        fullWidth
        placeholder={translate('fayuan.workflow.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
      />
      <List
        role="radiogroup"
        aria-label={translate('fayuan.workflow.lawyer')}
        data-testid="lawyer-picker"
        sx={{ mt: 1, maxHeight: 340, overflow: 'auto', border: 1, borderColor: error ? 'error.main' : 'divider', borderRadius: 1, py: 0 }}
      >
        {eligible.length ? <ListSubheader sx={{ lineHeight: '32px', bgcolor: 'background.paper' }}>{translate('fayuan.workflow.eligible', { smart_count: eligible.length })}</ListSubheader> : null}
        {eligible.map(row)}
        {ineligible.length ? <ListSubheader sx={{ lineHeight: '32px', bgcolor: 'background.paper' }}>{translate('fayuan.workflow.ineligible', { smart_count: ineligible.length })}</ListSubheader> : null}
        {ineligible.map(row)}
        {!shown.length ? <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>{translate('fayuan.workflow.no_lawyer')}</Typography> : null}
      </List>
      {error ? <Typography variant="caption" color="error" sx={{ display: 'block', mt: 0.5, mx: 1.75 }}>{error}</Typography> : null}
    </Box>
  );
}
