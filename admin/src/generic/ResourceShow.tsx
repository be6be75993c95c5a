// The page of one record of any register: every field, grouped, system columns last.
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { EditButton, Labeled, ListButton, Show, TopToolbar, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { permissionsOf, useResourceMeta, type ResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { DisplayField } from './fieldComponents.js';
import { RecordHistory } from './RecordHistory.js';
import { useRecordPanels } from '../plugins.js';
import { applies, fieldGridSx, fieldGroups, isWideField } from './fieldGroups.js';

export function ShowActions({ canEdit }: { canEdit: boolean }) {
  return (
    <TopToolbar>
      <ListButton />
      {canEdit ? <EditButton /> : null}
    </TopToolbar>
  );
}

/** `after`: more below the fields (e.g. the complaints about a lawyer). */
export function ResourceShow({ after }: { after?: ReactNode } = {}) {
  const resource = useResourceMeta(useResourceContext()!);
  return (
    <Show actions={<ShowActions canEdit={permissionsOf(resource).update} />} component="div">
      <RecordDetails resource={resource} />
      <PluginRecordPanels resource={resource.name} />
      {after}
    </Show>
  );
}

/** The enabled plugins' panels for the record in the Show's context. */
function PluginRecordPanels({ resource }: { resource: string }) {
  const record = useRecordContext();
  const panels = useRecordPanels(resource);
  if (!record) return null;
  return <>{panels.map((Panel, i) => <Panel key={i} record={record} />)}</>;
}

/**
 * Every field of the record in the Show's context that applies to it, in the register's
 * declared sections, one card each (also a tab of the case's page).
 */
export function RecordDetails({ resource }: { resource: ResourceMeta }) {
  const translate = useTranslate();
  const label = useLabel();
  const record = useRecordContext();
  return (
    <>
      {fieldGroups(resource).map((group) => ({ ...group, fields: group.fields.filter((f) => applies(f, record)) }))
        .filter((group) => group.fields.length > 0)
        .map((group) => (
        <Card key={group.id} variant="outlined" sx={{ mb: 2 }} data-section={group.id}>
          <CardContent>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
              {group.label ? label(group.label) : translate(group.title!)}
            </Typography>
            <Divider sx={{ mb: 2 }} />
            <Box sx={fieldGridSx}>
              {group.fields.map((field) => field.type === 'list' ? (
                <Box key={field.name} sx={{ gridColumn: '1 / -1' }}><DisplayField field={field} source={field.name} /></Box>
              ) : (
                <Labeled key={field.name} source={field.name} sx={isWideField(field) ? { gridColumn: '1 / -1' } : undefined}>
                  <DisplayField field={field} source={field.name} />
                </Labeled>
              ))}
            </Box>
          </CardContent>
        </Card>
      ))}
      <RecordHistory resource={resource} />
    </>
  );
}
