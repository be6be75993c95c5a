// What was done to the case and by whom, oldest first: the audit trail of its transitions.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import type { Label } from '../meta.js';
import { useLabel, useLanguageTag } from '../i18n.js';
import { useCaseLifecycle, type CaseAction, type HistoryEntry } from './workflow.js';

interface WorkflowHistoryProps {
  history: HistoryEntry[];
  /** The actions allowed now, whose labels the server gives. */
  actions: CaseAction[];
  statusLabel: (status: string) => string;
  groundLabel: (ground: string) => string;
}

const TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };

export function WorkflowHistory({ history, actions, statusLabel, groundLabel }: WorkflowHistoryProps) {
  const label = useLabel();
  const tag = useLanguageTag();
  const translate = useTranslate();
  const lifecycle = useCaseLifecycle();
  const lawyerIds = [...new Set(history.map((h) => (h.changes?.lawyerId as unknown[] | undefined)?.[1]).filter((id) => id !== null && id !== undefined))];
  const { data: lawyers } = useGetMany('lawyers', { ids: lawyerIds as number[] }, { enabled: lawyerIds.length > 0 });

  if (!history.length) return <Typography variant="body2" color="text.secondary">{translate('fayuan.workflow.no_history')}</Typography>;

  const actionLabel = (entry: HistoryEntry) => {
    const name = entry.action.replace(/^transition:/, '');
    const known: Label | undefined = actions.find((a) => a.name === name)?.label ?? lifecycle.actionLabel(name);
    if (known) return label(known);
    const to = entry.changes?.status?.[1];
    return to ? statusLabel(to) : name;
  };
  const detail = (entry: HistoryEntry) => {
    const changes = entry.changes ?? {};
    const payload = changes.payload ?? {};
    const parts: string[] = [];
    if (changes.status) parts.push(`${statusLabel(changes.status[0])} → ${statusLabel(changes.status[1])}`);
    const lawyerId = (changes.lawyerId as unknown[] | undefined)?.[1];
    if (lawyerId !== undefined && lawyerId !== null) {
      parts.push(`${translate('fayuan.workflow.lawyer')}：${lawyers?.find((l) => l.id === lawyerId)?.name ?? lawyerId}`);
    }
    if (entry.action === 'transition:terminate' && payload.reason) parts.push(groundLabel(String(payload.reason)));
    if (typeof payload.reason === 'string' && entry.action !== 'transition:terminate') parts.push(payload.reason);
    if (typeof payload.note === 'string' && payload.note) parts.push(payload.note);
    if (typeof payload.outcome === 'string') parts.push(payload.outcome);
    if (typeof payload.amountRecovered === 'number') parts.push(translate('fayuan.workflow.amount', { money: payload.amountRecovered.toLocaleString(tag, { style: 'currency', currency: 'CNY' }) }));
    return parts.join('；');
  };

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
        {history.map((entry, i) => (
          <TableRow key={`${entry.at}-${i}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(entry.at).toLocaleString(tag, TIME)}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{entry.actorEmail ?? translate('fayuan.workflow.system')}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{actionLabel(entry)}</TableCell>
            <TableCell sx={{ color: 'text.secondary' }}>{detail(entry)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
