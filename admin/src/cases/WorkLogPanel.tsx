// 办案记录 on a case's page: the lawyer's work log, newest first, and (for whoever may) a new entry.
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useGetList, useRecordContext } from 'react-admin';
import { fieldOf, permissionsOf, useResourceMeta } from '../meta.js';
import { useLabel, useLanguageTag } from '../i18n.js';

export function WorkLogPanel() {
  const caseRecord = useRecordContext();
  const resource = useResourceMeta('case-activities');
  const label = useLabel();
  const tag = useLanguageTag();
  const createPath = useCreatePath();
  const { data = [], isPending } = useGetList('case-activities', {
    filter: { caseId: caseRecord?.id }, sort: { field: 'occurredAt', order: 'DESC' }, pagination: { page: 1, perPage: 200 },
  }, { enabled: Boolean(caseRecord) });
  const kinds = fieldOf(resource, 'kind')?.options ?? [];
  const kindLabel = (id: string) => label(kinds.find((k) => k.id === id)?.label ?? { zh: id, en: id });
  const source = encodeURIComponent(JSON.stringify({ caseId: caseRecord?.id }));
  return (
    <Card data-testid="work-log">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{label(resource.label)}</Typography>
          {permissionsOf(resource).create ? (
            <Button variant="contained" size="small" component={LinkBase} to={`${createPath({ resource: 'case-activities', type: 'create' })}?source=${source}`}>
              {label({ zh: '记录办案活动', en: 'Log an activity' })}
            </Button>
          ) : null}
        </Stack>
        {!isPending && !data.length ? <Typography color="text.secondary">{label({ zh: '尚无办案记录', en: 'Nothing logged yet' })}</Typography> : null}
        {data.map((entry) => (
          <Box key={entry.id} sx={{ borderTop: 1, borderColor: 'divider', py: 1.25 }} data-activity={entry.kind}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 140 }}>
                {new Date(entry.occurredAt).toLocaleString(tag, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}
              </Typography>
              <Chip size="small" color={entry.kind === 'hearing' ? 'primary' : 'default'} label={kindLabel(entry.kind)} />
              <Typography variant="body2">{[entry.court, entry.courtroom, entry.place].filter(Boolean).join(' · ')}</Typography>
              {entry.participants ? <Typography variant="body2" color="text.secondary">{entry.participants}</Typography> : null}
            </Stack>
            {entry.notes ? <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>{entry.notes}</Typography> : null}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
