// 同行评估 on a case's page: the reviews of the file (for its lawyer: the published grades and the
// reviewers' comments, without their names in a blind round).
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useGetList } from 'react-admin';
import { fieldOf, useLabel, useResourceMeta, type CasePanelProps } from '../../../admin/src/plugin-kit.js';

export function ReviewsPanel({ caseRecord }: CasePanelProps) {
  const label = useLabel();
  const resource = useResourceMeta('peer-reviews');
  const { data = [] } = useGetList('peer-reviews', { filter: { caseId: caseRecord.id }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 20 } });
  const option = (field: string) => (id: string) => label(fieldOf(resource, field)?.options?.find((o) => o.id === id)?.label ?? { zh: id, en: id });
  const [status, grade] = [option('status'), option('grade')];
  if (!data.length) return null;
  return (
    <Card data-testid="peer-reviews">
      <CardContent>
        <Typography variant="h6">{label({ zh: '同行评估', en: 'Peer review' })}</Typography>
        {data.map((r) => (
          <Box key={r.id} sx={{ borderTop: 1, borderColor: 'divider', py: 1 }}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              <Chip size="small" label={status(r.status)} />
              {r.recheckOf ? <Chip size="small" color="warning" label={label({ zh: '复评', en: 'Re-check' })} /> : null}
              {r.score != null ? <Typography variant="body2">{label({ zh: `得分 ${r.score}（${grade(r.grade)}）`, en: `Score ${r.score} (${grade(r.grade)})` })}</Typography> : null}
            </Stack>
            {r.comments ? <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{r.comments}</Typography> : null}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
