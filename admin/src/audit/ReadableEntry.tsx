// One audit entry as the server words it (api/audit/readable.ts): the console only lays it out.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReadableChange, ReadableEntry } from '../meta.js';
import { useLabel } from '../i18n.js';

/** 申请人：张三 → 李四; a value first set reads 案件类型：民事. */
export function useChangeText() {
  const label = useLabel();
  const translate = useTranslate();
  const empty = translate('fayuan.history.empty');
  return (change: ReadableChange) => {
    const after = change.after ? label(change.after) : empty;
    return change.before ? `${label(change.field)}：${label(change.before)} → ${after}` : `${label(change.field)}：${after}`;
  };
}

/** The changes of an entry, one per line. */
export function ReadableChanges({ entry }: { entry: ReadableEntry | undefined }) {
  const text = useChangeText();
  if (!entry?.changes.length) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {entry.changes.map((change, i) => (
        <Typography key={i} component="li" variant="body2">{text(change)}</Typography>
      ))}
    </Box>
  );
}
