// Where the case stands on its main path, 申请 → … → 归档; a case rejected or terminated ends
// where it stopped, with a red last step.
import { Step, StepLabel, Stepper } from '@mui/material';
import type { RaRecord } from 'react-admin';
import { MAIN_PATH, type HistoryEntry } from './workflow.js';

type MainStatus = (typeof MAIN_PATH)[number];

const isMain = (status: unknown): status is MainStatus => (MAIN_PATH as readonly unknown[]).includes(status);

/** The last main-path state a case reached before it was rejected or terminated. */
export function lastMainStatus(record: RaRecord, history: HistoryEntry[]): MainStatus {
  const ending = [...history].reverse().find((h) => h.changes?.status && !isMain(h.changes.status[1]));
  const before = ending?.changes?.status?.[0];
  if (isMain(before)) return before;
  // Cases ended before the audit trail began: the furthest stamp tells how far they got.
  if (record.closedAt) return 'closed';
  if (record.assignedAt) return 'assigned';
  if (record.acceptedAt) return 'accepted';
  return record.status === 'rejected' ? 'reviewing' : 'applied';
}

interface WorkflowStepperProps {
  record: RaRecord;
  status: string;
  history: HistoryEntry[];
  statusLabel: (status: string) => string;
}

export function WorkflowStepper({ record, status, history, statusLabel }: WorkflowStepperProps) {
  if (isMain(status)) {
    const at = MAIN_PATH.indexOf(status);
    // The last state is reached for good: every step done.
    const active = status === MAIN_PATH[MAIN_PATH.length - 1] ? MAIN_PATH.length : at;
    return (
      <Stepper activeStep={active} alternativeLabel data-testid="case-stepper" data-status={status}>
        {MAIN_PATH.map((step) => (
          <Step key={step}>
            <StepLabel>{statusLabel(step)}</StepLabel>
          </Step>
        ))}
      </Stepper>
    );
  }
  // The reason it ended is shown beside the stepper (CaseWorkflow), in full.
  const reached = MAIN_PATH.slice(0, MAIN_PATH.indexOf(lastMainStatus(record, history)) + 1);
  return (
    <Stepper activeStep={reached.length} alternativeLabel data-testid="case-stepper" data-status={status}>
      {reached.map((step) => (
        <Step key={step} completed>
          <StepLabel>{statusLabel(step)}</StepLabel>
        </Step>
      ))}
      <Step key={status} active>
        <StepLabel error>{statusLabel(status)}</StepLabel>
      </Step>
    </Stepper>
  );
}
