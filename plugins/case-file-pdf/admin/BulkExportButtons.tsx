// The cases list's bulk actions: export the selected cases (or all matching the filter) as a ZIP
// of case files. The job runs on the server; this polls its row for the progress bar, then links
// the ZIP. The job survives a reload: RunningExports, above the list, picks up the user's unfinished jobs.
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

/** The job's row, polled each second until it is finished; and cancelling it. */
function useExportJob(job: ExportJob) {
  const api = useApi();
  const [current, setCurrent] = useState(job);
  useEffect(() => {
    if (FINISHED.includes(current.status)) return;
    const timer = setTimeout(() => {
      api.get<ExportJob>(`/api/case-file-exports/${job.id}`).then(setCurrent, () => undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [api, job.id, current]);
  const cancel = () => api.post<ExportJob>(`/api/case-file-exports/${job.id}/cancel`).then(setCurrent, () => undefined);
  return { current, cancel };
}

/** Status line, progress bar, and what was skipped. */
function ProgressLine({ current }: { current: ExportJob }) {
  const translate = useCaseFileTranslate();
  const percent = current.total ? Math.round((100 * current.done) / current.total) : 0;
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} data-status={current.status}>
        {translate(`status.${current.status}`)}　{translate('progress', { done: current.done, total: current.total })}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <LinearProgress variant="determinate" value={percent} sx={{ flex: 1, height: 8, borderRadius: 1 }} aria-label={translate('batchTitle')} />
        <Typography variant="caption">{percent}%</Typography>
      </Box>
      {current.skipped ? <Alert severity="warning" sx={{ mt: 2 }}>{translate('skipped', { smart_count: current.skipped })}</Alert> : null}
    </>
  );
}

function JobButtons({ current, cancel }: { current: ExportJob; cancel: () => void }) {
  const translate = useCaseFileTranslate();
  return (
    <>
      {FINISHED.includes(current.status) ? null : <Button color="warning" onClick={cancel}>{translate('cancel')}</Button>}
      {current.status === 'done' ? (
        <Button variant="contained" href={`/api/case-file-exports/${current.id}/download`} download>{translate('download')}</Button>
      ) : null}
    </>
  );
}

function ExportProgress({ job, onClose }: { job: ExportJob; onClose: () => void }) {
  const translate = useCaseFileTranslate();
  const { current, cancel } = useExportJob(job);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('batchTitle')}</DialogTitle>
      <DialogContent>
        <ProgressLine current={current} />
      </DialogContent>
      <DialogActions>
        <JobButtons current={current} cancel={cancel} />
        <Button onClick={onClose}>{translate('close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function RunningExport({ job }: { job: ExportJob }) {
  const { current, cancel } = useExportJob(job);
  return (
    <Box sx={{ flex: 1 }} data-testid="running-export" data-export-id={job.id}>
      <ProgressLine current={current} />
      <Box sx={{ mt: 1 }}><JobButtons current={current} cancel={cancel} /></Box>
    </Box>
  );
}

/**
 * Above the cases list: the user's batch exports still queued or running (their own register rows),
 * so that after a reload the progress bar is back; each is polled until it finishes.
 */
export function RunningExports() {
  const translate = useCaseFileTranslate();
  const api = useApi();
  const [jobs, setJobs] = useState<ExportJob[]>([]);
  useEffect(() => {
    let live = true;
    api.get<ExportJob[]>('/api/case-file-exports?sort=["id","DESC"]&range=[0,19]')
      .then((rows) => { if (live) setJobs(rows.filter((j) => !FINISHED.includes(j.status))); }, () => undefined);
    return () => { live = false; };
  }, [api]);
  if (!jobs.length) return null;
  return (
    <Alert severity="info" icon={<ArchiveIcon />} sx={{ mt: 1, '& .MuiAlert-message': { flex: 1 } }} data-testid="running-exports">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('batchTitle')}</Typography>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {jobs.map((job) => <RunningExport key={job.id} job={job} />)}
      </Box>
    </Alert>
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
