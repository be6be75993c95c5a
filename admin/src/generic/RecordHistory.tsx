// A record's audit trail on its page, for roles that may read the audit log (admins), as the server words it.
import { Card, CardContent, Divider, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useMeta, type ReadableEntry, type ResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';
import { ReadableChanges } from '../audit/ReadableEntry.js';

function ReadableRow({ entry }: { entry: ReadableEntry }) {
  const label = useLabel();
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{entry.at}</TableCell>
      <TableCell sx={{ verticalAlign: 'top' }}>{label(entry.who)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top', fontWeight: 500 }}>{label(entry.action)}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}><ReadableChanges entry={entry} /></TableCell>
    </TableRow>
  );
}

export function RecordHistory({ resource }: { resource: ResourceMeta }) {
  const record = useRecordContext();
  const meta = useMeta();
  const translate = useTranslate();
  const allowed = meta.resources.some((r) => r.name === 'audit-log');
  const { data = [] } = useGetList('audit-log', {
    filter: { resource: resource.name, recordId: String(record?.id ?? '') },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 50 },
  }, { enabled: allowed && record?.id !== undefined });
  if (!allowed) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{translate('fayuan.history.title')}</Typography>
        <Divider sx={{ mb: 1 }} />
        {data.length === 0 ? <Typography color="text.secondary">{translate('fayuan.history.none')}</Typography> : (
          <Table size="small">
            <TableHead><TableRow><TableCell>{translate('fayuan.history.at')}</TableCell><TableCell>{translate('fayuan.history.who')}</TableCell><TableCell>{translate('fayuan.history.action')}</TableCell><TableCell>{translate('fayuan.history.changes')}</TableCell></TableRow></TableHead>
            <TableBody>
              {data.map((entry) => (
                <ReadableRow key={entry.id} entry={entry.readable as ReadableEntry} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
