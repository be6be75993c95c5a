// The cases list's bulk actions: export the selected cases (or all matching the filter) as a ZIP
// of case files. The job runs on the server; this polls its row for the progress bar, then links
// the ZIP. The job survives a reload: its row stays under 卷宗批量导出.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import ArchiveIcon from '@mui/icons-material/Archive';
import { useListContext, useNotify } from 'react-admin';
import { refusalOf, useApi } from '../../../admin/src/plugin-kit.js';
import { useCaseFileTranslate } from './messages.js';

interface ExportJob {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  skipped: number | null;
}

const FINISHED = ['done', 'failed', 'cancelled'];

function ExportProgress({ job, onClose }: { job: ExportJob; onClose: () => void }) {
  const translate = useCaseFileTranslate();
  const api = useApi();
  const [current, setCurrent] = useState(job);
  useEffect(() => {
    if (FINISHED.includes(current.status)) return;
    const timer = setTimeout(() => {
      api.get<ExportJob>(`/api/case-file-exports/${job.id}`).then(setCurrent, () => undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [api, job.id, current]);
  const percent = current.total ? Math.round((100 * current.done) / current.total) : 0;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('batchTitle')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }} data-status={current.status}>
          {translate(`status.${current.status}`)}　{translate('progress', { done: current.done, total: current.total })}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <LinearProgress variant="determinate" value={percent} sx={{ flex: 1, height: 8, borderRadius: 1 }} aria-label={translate('batchTitle')} />
          <Typography variant="caption">{percent}%</Typography>
        </Box>
        {current.skipped ? <Alert severity="warning" sx={{ mt: 2 }}>{translate('skipped', { smart_count: current.skipped })}</Alert> : null}
      </DialogContent>
      <DialogActions>
        {FINISHED.includes(current.status) ? null : (
          <Button color="warning" onClick={() => api.post<ExportJob>(`/api/case-file-exports/${job.id}/cancel`).then(setCurrent, () => undefined)}>{translate('cancel')}</Button>
        )}
        {current.status === 'done' ? (
          <Button variant="contained" href={`/api/case-file-exports/${job.id}/download`} download>{translate('download')}</Button>
        ) : null}
        <Button onClick={onClose}>{translate('close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

export function BulkExportButtons() {
  const translate = useCaseFileTranslate();
  const api = useApi();
  const notify = useNotify();
  const { selectedIds, filterValues } = useListContext();
  const [job, setJob] = useState<ExportJob | null>(null);
  const start = (body: { ids: unknown[] } | { filter: Record<string, unknown> }) =>
    api.post<ExportJob>('/api/case-file-exports', body).then(setJob, (error) => notify(refusalOf(error, translate('startFailed')).message, { type: 'error' }));
  return (
    <>
      <Button size="small" startIcon={<ArchiveIcon />} onClick={() => start({ ids: selectedIds })}>{translate('exportSelected')}</Button>
      <Button size="small" onClick={() => start({ filter: filterValues ?? {} })}>{translate('exportFiltered')}</Button>
      {job ? <ExportProgress job={job} onClose={() => setJob(null)} /> : null}
    </>
  );
}
