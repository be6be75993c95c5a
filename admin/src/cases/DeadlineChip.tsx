// The statutory deadline the case runs against (art. 43: decide in 7 days, assign in 3):
// 「审查期限 2026-11-29，剩 3 天」, amber on the last day, red once overdue.
import { Chip } from '@mui/material';
import AlarmIcon from '@mui/icons-material/Alarm';
import EventIcon from '@mui/icons-material/Event';
import { workflowWords, type CaseDeadline } from './workflow.js';
import { useWords } from '../words.js';

export function DeadlineChip({ deadline }: { deadline: CaseDeadline }) {
  const words = useWords(workflowWords);
  if (!deadline.kind || !deadline.due || deadline.daysLeft === null) return null;
  const kind = words.deadline[deadline.kind] ?? deadline.kind;
  const { due, daysLeft } = deadline;
  const text = deadline.overdue
    ? words.overdue(kind, due, -daysLeft)
    : daysLeft === 0 ? words.dueToday(kind, due) : words.daysLeft(kind, due, daysLeft);
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
