// A consultation's page: the generic one, with 转为申请 (turn it into an application, then open the
// new case) for an admin while it has not become one, and the way to the quarterly report.
import { Button } from '@mui/material';
import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import { EditButton, ListButton, Show, TopToolbar, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { useState } from 'react';
import { refusalOf, useApi } from '../apiClient.js';
import { permissionsOf, useMeta, useResourceMeta } from '../meta.js';
import { RecordDetails } from '../generic/ResourceShow.js';

function ConvertButton() {
  const record = useRecordContext();
  const api = useApi();
  const notify = useNotify();
  const redirect = useRedirect();
  const meta = useMeta();
  const [sending, setSending] = useState(false);
  if (!record || record.caseId != null || meta.user?.role !== 'admin') return null;
  const convert = async () => {
    setSending(true);
    try {
      const created = await api.post<{ id: number; caseNumber: string }>(`/api/consultations/${record.id}/convert`);
      notify(`已转为法律援助申请 ${created.caseNumber}`, { type: 'success' });
      redirect('show', 'cases', created.id);
    } catch (error) {
      notify(refusalOf(error, '转为申请失败').message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return <Button onClick={convert} disabled={sending} startIcon={<AssignmentIcon />} data-testid="convert-consultation">转为申请</Button>;
}

export function ConsultationShow() {
  const resource = useResourceMeta('consultations');
  return (
    <Show
      component="div"
      actions={(
        <TopToolbar>
          <ListButton />
          <Button href="#/reports/hotline">12348 季度报告</Button>
          <ConvertButton />
          {permissionsOf(resource).update ? <EditButton /> : null}
        </TopToolbar>
      )}
    >
      <RecordDetails resource={resource} />
    </Show>
  );
}
