// A case's page: its workflow on top (where it stands, the deadline, what may be done now),
// then tabs: the case's details, and each enabled plugin's panels this user may see.
import { Box, Card, Tab, Tabs } from '@mui/material';
import { Show, useStore } from 'react-admin';
import { permissionsOf, useResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { useWords } from '../words.js';
import { useCasePanels } from '../plugins.js';
import { RecordDetails, ShowActions } from '../generic/ResourceShow.js';
import { CaseWorkflow } from './CaseWorkflow.js';

const DETAILS = 'details';

const caseShowWords = { zh: { details: '案件信息' }, en: { details: 'Details' } };

export function CaseShow() {
  const resource = useResourceMeta('cases');
  const label = useLabel();
  const words = useWords(caseShowWords);
  const panels = useCasePanels();
  // The tab chosen last stays chosen from case to case (a lawyer working through files).
  const [stored, setTab] = useStore<string>('fayuan.cases.show.tab', DETAILS);
  const tab = panels.some((p) => p.key === stored) ? stored : DETAILS;
  const current = panels.find((p) => p.key === tab);
  return (
    <Show actions={<ShowActions canEdit={permissionsOf(resource).update} />} component="div">
      <CaseWorkflow />
      {panels.length ? (
        <Card sx={{ mb: 2 }}>
          <Tabs value={tab} onChange={(_, value: string) => setTab(value)} aria-label={label(resource.label)} sx={{ px: 1 }}>
            <Tab value={DETAILS} label={words.details} />
            {panels.map((panel) => <Tab key={panel.key} value={panel.key} label={label(panel.label)} data-panel={panel.key} />)}
          </Tabs>
        </Card>
      ) : null}
      <Box role="tabpanel">{current ? <current.Panel /> : <RecordDetails resource={resource} />}</Box>
    </Show>
  );
}
