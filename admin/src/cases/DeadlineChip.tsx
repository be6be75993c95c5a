// The statutory deadline the case runs against (art. 43: decide in 7 days, assign in 3):
// 「审查期限 2026-11-29，剩 3 天」, amber on the last day, red once overdue.
import { Chip } from '@mui/material';
import AlarmIcon from '@mui/icons-material/Alarm';
import EventIcon from '@mui/icons-material/Event';
import { useTranslate } from 'react-admin';
import type { CaseDeadline } from './workflow.js';

/** Any register's running deadline: a case's (review, assign) or a complaint's (accept, conclude, reply). */
export function DeadlineChip({ deadline }: { deadline: Omit<CaseDeadline, 'kind'> & { kind: string | null } }) {
  const translate = useTranslate();
  if (!deadline.kind || !deadline.due || deadline.daysLeft === null) return null;
  const kind = translate(`fayuan.workflow.deadline.${deadline.kind}`, { _: deadline.kind });
  const { due, daysLeft } = deadline;
  const text = deadline.overdue
    ? translate('fayuan.workflow.overdue', { kind, due, smart_count: -daysLeft })
    : daysLeft === 0
      ? translate('fayuan.workflow.due_today', { kind, due })
      : translate('fayuan.workflow.days_left', { kind, due, smart_count: daysLeft });
  const color = deadline.overdue ? 'error' : daysLeft <= 1 ? 'warning' : 'default';
  return (
    <Chip
      data-testid="deadline"
      data-overdue={deadline.overdue}
      icon={deadline.overdue ? <AlarmIcon /> : <EventIcon />}
      label={text}
      color={color}
      variant={deadline.overdue ? 'filled' : 'outlined'}
    />
  );
}
