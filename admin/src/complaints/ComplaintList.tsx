// The complaints ledger (台账): the generic list with the deadline each complaint runs against
// (a chip, red once overdue) and the way to the half-year report.
import { Button } from '@mui/material';
import AssessmentIcon from '@mui/icons-material/Assessment';
import { DataTable, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ResourceList } from '../generic/ResourceList.js';
import { ComplaintDeadlineChip } from './ComplaintDeadline.js';

export const COMPLAINT_REPORT_PATH = '/complaints-report';

export function ComplaintList() {
  const translate = useTranslate();
  return (
    <ResourceList
      extraActions={<Button component={Link} to={COMPLAINT_REPORT_PATH} size="small" startIcon={<AssessmentIcon />}>{translate('fayuan.complaints.report')}</Button>}
      extraColumns={(
        <DataTable.Col source="deadline" label={translate('fayuan.complaints.deadlines')} disableSort>
          <ComplaintDeadlineChip />
        </DataTable.Col>
      )}
    />
  );
}
