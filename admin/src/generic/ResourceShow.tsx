// The page of one record of any register: every field, grouped, system columns last.
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { EditButton, Labeled, ListButton, Show, TopToolbar, useResourceContext, useTranslate } from 'react-admin';
import { permissionsOf, useResourceMeta, type ResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { DisplayField } from './fieldComponents.js';
import { RecordHistory } from './RecordHistory.js';
import { fieldGridSx, fieldGroups, isWideField } from './fieldGroups.js';

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
      {after}
    </Show>
  );
}

/** Every field of the record in the Show's context, grouped in cards (also a tab of the case's page). */
export function RecordDetails({ resource }: { resource: ResourceMeta }) {
  const translate = useTranslate();
  const label = useLabel();
  return (
    <>
      {fieldGroups(resource).map((group) => (
        <Card key={group.title || group.fields[0].name} variant="outlined" sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
              {group.title ? translate(group.title) : label(group.fields[0].label)}
            </Typography>
            <Divider sx={{ mb: 2 }} />
            <Box sx={group.wide ? { display: 'grid', rowGap: 2 } : fieldGridSx}>
              {group.fields.map((field) => field.type === 'list' ? (
                <DisplayField key={field.name} field={field} source={field.name} />
              ) : (
                <Labeled key={field.name} source={field.name} sx={isWideField(field) && !group.wide ? { gridColumn: { sm: 'span 2' } } : undefined}>
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
