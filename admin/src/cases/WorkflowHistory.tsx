// What was done to the case and by whom, oldest first: the audit trail of its transitions,
// as the server words it (api/audit/readable.ts).
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLabel } from '../i18n.js';
import { ReadableChanges } from '../audit/ReadableEntry.js';
import type { HistoryEntry } from './workflow.js';

export function WorkflowHistory({ history }: { history: HistoryEntry[] }) {
  const label = useLabel();
  const translate = useTranslate();
  if (!history.length) return <Typography variant="body2" color="text.secondary">{translate('fayuan.workflow.no_history')}</Typography>;
  return (
    <Table size="small" data-testid="case-history">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 150 }}>{translate('fayuan.workflow.at')}</TableCell>
          <TableCell sx={{ width: 200 }}>{translate('fayuan.workflow.who')}</TableCell>
          <TableCell sx={{ width: 130 }}>{translate('fayuan.workflow.what')}</TableCell>
          <TableCell>{translate('fayuan.workflow.detail')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map(({ readable }, i) => (
          <TableRow key={`${readable.at}-${i}`}>
            <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{readable.at}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>{label(readable.who)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500, verticalAlign: 'top' }}>{label(readable.action)}</TableCell>
            <TableCell sx={{ color: 'text.secondary' }}><ReadableChanges entry={readable} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
