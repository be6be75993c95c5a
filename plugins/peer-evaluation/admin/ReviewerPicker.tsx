// The round's 评估专家, picked by name from the users with the reviewer role (each shown with the firm of
// the lawyer record it is linked to, so conflicts are visible); the field still stores [{ userId }].
import { Autocomplete, Box, Chip, TextField, Typography } from '@mui/material';
import { useGetList, useGetMany, useGetManyAggregate, useInput } from 'react-admin';
import { useLabel, useMeta, type FieldDisplayProps, type ListInputProps } from '../../../admin/src/plugin-kit.js';

interface Picked { userId: string }
interface Candidate { id: string; name: string; email: string; firm: string }

/** The users with the reviewer role, each with the firm of their linked lawyer record. */
export function useReviewerCandidates(): Candidate[] {
  const { data: users = [] } = useGetList('users', { filter: { role: 'reviewer' }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 200 } });
  const lawyerIds = [...new Set(users.map((u) => u.lawyerId).filter(Boolean))];
  const { data: lawyers = [] } = useGetMany('lawyers', { ids: lawyerIds }, { enabled: lawyerIds.length > 0 });
  const firmIds = [...new Set(lawyers.map((l) => l.lawFirmId).filter(Boolean))];
  const { data: firms = [] } = useGetMany('law-firms', { ids: firmIds }, { enabled: firmIds.length > 0 });
  return users.map((u) => {
    const lawyer = lawyers.find((l) => l.id === u.lawyerId);
    const firm = firms.find((f) => f.id === lawyer?.lawFirmId);
    return { id: String(u.id), name: String(u.name ?? u.email), email: String(u.email ?? ''), firm: String(firm?.name ?? '') };
  });
}

export const candidateLabel = (c: Candidate) => (c.firm ? `${c.name}（${c.firm}）` : c.name);

export function ReviewerPicker({ field, source }: ListInputProps) {
  const label = useLabel();
  const { field: input, fieldState } = useInput({ source, defaultValue: [] });
  const candidates = useReviewerCandidates();
  const picked = ((input.value ?? []) as Picked[]).map((p) => String(p?.userId ?? ''));
  // A listed id that is no longer a reviewer stays visible (the server refuses it on save).
  const value = picked.map((id) => candidates.find((c) => c.id === id) ?? { id, name: id, email: '', firm: '' });
  return (
    <Autocomplete
      multiple
      options={candidates}
      value={value}
      onChange={(_e, chosen) => input.onChange(chosen.map((c) => ({ userId: c.id })))}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={candidateLabel}
      renderOption={(props, c) => <li {...props} key={c.id} data-reviewer={c.email}>{candidateLabel(c)}</li>}
      renderValue={(chosen, getItemProps) => chosen.map((c, index) => <Chip size="small" {...getItemProps({ index })} key={c.id} label={candidateLabel(c)} />)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label(field.label)}
          error={Boolean(fieldState.error)}
          helperText={fieldState.error?.message ?? label({ zh: '按姓名选择角色为评估专家的用户；括号内为其律所（评估专家不评本所案卷）', en: 'Pick users with the reviewer role; their firm in brackets (never reviewing their firm\'s files)' })}
        />
      )}
      sx={{ gridColumn: '1 / -1', minWidth: 360 }}
      data-testid="reviewer-picker"
    />
  );
}

/** The round's reviewers on its page (and in its list): by name and firm, not by user id. */
export function ReviewerNames({ field, value, inList }: FieldDisplayProps) {
  const label = useLabel();
  const candidates = useReviewerCandidates();
  const names = (Array.isArray(value) ? (value as Picked[]) : []).map((p) => {
    const c = candidates.find((x) => x.id === String(p?.userId));
    return c ? candidateLabel(c) : String(p?.userId ?? '');
  });
  if (inList) return <Typography variant="body2">{names.join('、')}</Typography>;
  return (
    <Box data-testid="round-reviewers">
      <Typography variant="caption" color="text.secondary">{label(field.label)}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>{names.map((n, i) => <Chip key={i} size="small" label={n} />)}</Box>
    </Box>
  );
}

/** A review's 评估专家 by name where the reader may read the accounts (admins); the reviewer's own as 本人; else as stored. */
export function ReviewerName({ value }: FieldDisplayProps) {
  const label = useLabel();
  const user = useMeta().user;
  const admin = user?.role === 'admin';
  const { data = [] } = useGetManyAggregate('users', { ids: [String(value)] }, { enabled: admin });
  const name = String(value) === user?.id ? label({ zh: '本人', en: 'Me' }) : String(data[0]?.name ?? value);
  return <Typography variant="body2" component="span">{name}</Typography>;
}
