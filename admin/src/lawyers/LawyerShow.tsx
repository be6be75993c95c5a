// A lawyer's page: their details, then the cases they hold and how many are open now.
import { Card, CardContent, Divider, Typography } from '@mui/material';
import { DataTable, Pagination, ReferenceManyField, Show, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { caseloadStatuses } from '../../../api/cases/caseload.js';
import { permissionsOf, useMeta, useResourceMeta, type ResourceMeta } from '../meta.js';
import { DisplayField } from '../generic/fieldComponents.js';
import { RecordDetails, ShowActions } from '../generic/ResourceShow.js';
import { RelatedComplaints } from '../complaints/RelatedComplaints.js';

const CASE_COLUMNS = ['caseNumber', 'applicantName', 'caseType', 'causeOfAction', 'applicationDate', 'status'];

function LawyerCases({ cases }: { cases: ResourceMeta }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const { total } = useGetList('cases', {
    filter: { lawyerId: record?.id, status: [...caseloadStatuses] },
    pagination: { page: 1, perPage: 1 },
  }, { enabled: record?.id !== undefined });
  if (!record) return null;
  const columns = CASE_COLUMNS.map((name) => cases.fields.find((f) => f.name === name)).filter((f) => f !== undefined);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="lawyer-cases">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('fayuan.lawyer.cases')}
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 2 }} data-caseload={total ?? ''}>
            {total === undefined ? '' : translate('fayuan.workflow.caseload', { count: total })}
          </Typography>
        </Typography>
        <Divider sx={{ mb: 1 }} />
        <ReferenceManyField reference="cases" target="lawyerId" sort={{ field: 'applicationDate', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary">{translate('fayuan.history.none')}</Typography>}>
            {columns.map((field) => (
              <DataTable.Col key={field.name} source={field.name} label={`resources.cases.fields.${field.name}`}>
                <DisplayField field={field} inList />
              </DataTable.Col>
            ))}
          </DataTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
}

export function LawyerShow() {
  const resource = useResourceMeta('lawyers');
  const meta = useMeta();
  const cases = meta.resources.find((r) => r.name === 'cases');
  return (
    <Show actions={<ShowActions canEdit={permissionsOf(resource).update} />} component="div">
      <RecordDetails resource={resource} />
      {cases ? <LawyerCases cases={cases} /> : null}
      <RelatedComplaints field="lawyerId" />
    </Show>
  );
}
