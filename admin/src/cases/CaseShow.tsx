// A case's page: its workflow on top (where it stands, the deadline, what may be done now),
// then tabs: the case's details, and each enabled plugin's panels this user may see.
import { Box, Card, Tab, Tabs } from '@mui/material';
import { Show, useRecordContext, useStore, useTranslate } from 'react-admin';
import { permissionsOf, useMeta, useResourceMeta } from '../meta.js';
import { CaseConflicts } from './ConflictList.js';
import { OnlineApplicationFiles } from './OnlineApplicationFiles.js';
import { useLabel } from '../i18n.js';
import { useCasePanels, type CasePanelEntry } from '../plugins.js';
import { RecordDetails, ShowActions } from '../generic/ResourceShow.js';
import { CaseWorkflow } from './CaseWorkflow.js';
import { WorkLogPanel } from './WorkLogPanel.js';
import { RelatedComplaints } from '../complaints/RelatedComplaints.js';

const DETAILS = 'details';
const WORK_LOG = 'work-log';

/** A plugin's panel, once the case is loaded. */
function CasePanel({ Panel }: Pick<CasePanelEntry, 'Panel'>) {
  const record = useRecordContext();
  return record ? <Panel caseRecord={record} /> : null;
}

/** For an admin, from the application on: 利益冲突审查, and an online application's papers. */
function ConflictsOfCase() {
  const record = useRecordContext();
  const meta = useMeta();
  if (!record || meta.user?.role !== 'admin') return null;
  return (
    <>
      <CaseConflicts caseId={record.id} />
      {record.channel === 'online' ? <OnlineApplicationFiles caseId={record.id} /> : null}
    </>
  );
}

export function CaseShow() {
  const resource = useResourceMeta('cases');
  const label = useLabel();
  const translate = useTranslate();
  const panels = useCasePanels();
  // The work log is the core's own tab, for whoever may read it.
  const workLog = useMeta().resources.some((r) => r.name === 'case-activities');
  // The tab chosen last stays chosen from case to case (a lawyer working through files).
  const [stored, setTab] = useStore<string>('fayuan.cases.show.tab', DETAILS);
  const tab = panels.some((p) => p.key === stored) || (workLog && stored === WORK_LOG) ? stored : DETAILS;
  const current = panels.find((p) => p.key === tab);
  return (
    <Show actions={<ShowActions canEdit={permissionsOf(resource).update} />} component="div">
      <CaseWorkflow />
      <ConflictsOfCase />
      {panels.length || workLog ? (
        <Card sx={{ mb: 2 }}>
          <Tabs value={tab} onChange={(_, value: string) => setTab(value)} aria-label={label(resource.label)} sx={{ px: 1 }}>
            <Tab value={DETAILS} label={translate('fayuan.case.details')} />
            {workLog ? <Tab value={WORK_LOG} label={label({ zh: '办案记录', en: 'Work log' })} data-panel={WORK_LOG} /> : null}
            {panels.map((panel) => <Tab key={panel.key} value={panel.key} label={label(panel.label)} data-panel={panel.key} />)}
          </Tabs>
        </Card>
      ) : null}
      <Box role="tabpanel">{current ? <CasePanel Panel={current.Panel} /> : tab === WORK_LOG ? <WorkLogPanel /> : <RecordDetails resource={resource} />}</Box>
      <RelatedComplaints field="caseId" />
    </Show>
  );
}
