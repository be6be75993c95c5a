// The audit log's list and entry pages, readable without JSON: each entry as the server words
// it (api/audit/readable.ts). The raw entry stays in the export and at the foot of the entry.
import { Card, CardContent, Divider, Typography, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, FilterButton, List, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useResourceMeta, type ReadableEntry } from '../meta.js';
import { useLabel } from '../i18n.js';
import { useListFilters } from '../generic/listFilters.js';
import { ExportMenu } from '../generic/SpreadsheetButtons.js';
import { ReadableChanges, useChangeText } from './ReadableEntry.js';

const readableOf = (record: Record<string, unknown> | undefined) => record?.readable as ReadableEntry | undefined;

function Said({ part }: { part: 'who' | 'action' | 'record' }) {
  const label = useLabel();
  const value = readableOf(useRecordContext())?.[part];
  return <>{value ? label(value) : ''}</>;
}

/** The entry's title (in the app bar): its action in words. */
export function AuditEntryTitle() {
  return <Said part="action" />;
}

function At() {
  return <>{readableOf(useRecordContext())?.at ?? ''}</>;
}

/** The first changes on one line, for the list. */
function ChangesInBrief() {
  const entry = readableOf(useRecordContext());
  const text = useChangeText();
  if (!entry?.changes.length) return null;
  const shown = entry.changes.slice(0, 3).map(text).join('；');
  return <>{entry.changes.length > 3 ? `${shown} …` : shown}</>;
}

export function AuditLogList() {
  const resource = useResourceMeta('audit-log');
  const translate = useTranslate();
  return (
    <List
      sort={resource.list.sort}
      filters={useListFilters(resource)}
      exporter={false}
      actions={<TopToolbar><FilterButton /><ExportMenu resource="audit-log" /></TopToolbar>}
      perPage={25}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="at" label={translate('fayuan.history.at')} sx={{ whiteSpace: 'nowrap' }}><At /></DataTable.Col>
        <DataTable.Col source="actorEmail" label={translate('fayuan.history.who')}><Said part="who" /></DataTable.Col>
        <DataTable.Col source="action" label={translate('fayuan.history.action')} sx={{ whiteSpace: 'nowrap' }}><Said part="action" /></DataTable.Col>
        <DataTable.Col source="recordId" label={translate('fayuan.history.record')} disableSort><Said part="record" /></DataTable.Col>
        <DataTable.Col source="changes" label={translate('fayuan.history.changes')} disableSort sx={{ maxWidth: 480 }}><ChangesInBrief /></DataTable.Col>
      </DataTable>
    </List>
  );
}

function Line({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '8em 1fr', columnGap: 2, py: 0.75 }}>
      <Typography variant="body2" color="text.secondary">{name}</Typography>
      <Box>{children}</Box>
    </Box>
  );
}

function EntryDetails() {
  const record = useRecordContext();
  const translate = useTranslate();
  const label = useLabel();
  const entry = readableOf(record);
  if (!record || !entry) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{label(entry.action)}</Typography>
        <Divider sx={{ mb: 1 }} />
        <Line name={translate('fayuan.history.at')}>{entry.at}</Line>
        <Line name={translate('fayuan.history.who')}>{label(entry.who)}</Line>
        {entry.record ? <Line name={translate('fayuan.history.record')}>{label(entry.record)}</Line> : null}
        {record.ip ? <Line name="IP">{String(record.ip)}</Line> : null}
        {entry.changes.length ? <Line name={translate('fayuan.history.changes')}><ReadableChanges entry={entry} /></Line> : null}
      </CardContent>
    </Card>
  );
}

export function AuditLogShow() {
  return (
    <Show actions={<TopToolbar><ListButton /></TopToolbar>} component="div">
      <EntryDetails />
    </Show>
  );
}
