// A record's audit trail on its page, for roles that may read the audit log (admins).
import { Card, CardContent, Divider, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useMeta, type ResourceMeta } from '../meta.js';
import { useLabel } from '../i18n.js';

function summary(changes: string | null, resource: ResourceMeta, label: (l: { zh: string; en: string }) => string): string {
  if (!changes) return '';
  try {
    return Object.entries(JSON.parse(changes) as Record<string, [unknown, unknown]>)
      .filter(([, pair]) => Array.isArray(pair))
      .map(([name, [before, after]]) => {
        const field = resource.fields.find((f) => f.name === name);
        return `${field ? label(field.label) : name}：${JSON.stringify(before ?? '')} → ${JSON.stringify(after ?? '')}`;
      })
      .join('；');
  } catch {
    return changes;
  }
}

export function RecordHistory({ resource }: { resource: ResourceMeta }) {
  const record = useRecordContext();
  const meta = useMeta();
  const label = useLabel();
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
                <TableRow key={entry.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(entry.at).toLocaleString()}</TableCell>
                  <TableCell>{entry.actorEmail}</TableCell>
                  <TableCell>{entry.action}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{summary(entry.changes, resource, label)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
