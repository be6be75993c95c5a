// Where the case stands on its main path, 申请 → … → 归档; a case rejected or terminated ends
// where it stopped, with a red last step.
import { Step, StepLabel, Stepper } from '@mui/material';
import type { RaRecord } from 'react-admin';
import { useCaseLifecycle, type HistoryEntry } from './workflow.js';

interface WorkflowStepperProps {
  record: RaRecord;
  status: string;
  history: HistoryEntry[];
  statusLabel: (status: string) => string;
}

export function WorkflowStepper({ record, status, history, statusLabel }: WorkflowStepperProps) {
  const { mainPath, isMain, lastMainStatus } = useCaseLifecycle();
  if (isMain(status)) {
    const at = mainPath.indexOf(status);
    // The last state is reached for good: every step done.
    const active = status === mainPath[mainPath.length - 1] ? mainPath.length : at;
    return (
      <Stepper activeStep={active} alternativeLabel data-testid="case-stepper" data-status={status}>
        {mainPath.map((step) => (
          <Step key={step}>
            <StepLabel>{statusLabel(step)}</StepLabel>
          </Step>
        ))}
      </Stepper>
    );
  }
  // The reason it ended is shown beside the stepper (CaseWorkflow), in full.
  const reached = mainPath.slice(0, mainPath.indexOf(lastMainStatus(record, history)) + 1);
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
