// 卷宗材料 on a case's page: the case's checklist (its template's items in binding order) with
// the files uploaded against each, how far along it is, and — for whoever may upload — a drop
// zone per item, a progress bar while the files travel, and a way to replace a file.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import {
  Alert, Box, ButtonBase, Chip, IconButton, LinearProgress, Link, Skeleton, Stack, Table, TableBody, TableCell,
  TableHead, TableRow, Tooltip, Typography, Button,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import DescriptionIcon from '@mui/icons-material/Description';
import DownloadIcon from '@mui/icons-material/Download';
import ImageIcon from '@mui/icons-material/Image';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useQuery } from '@tanstack/react-query';
import { useRefresh, type HttpError, type RaRecord } from 'react-admin';
import { caseQueryKey, fileKinds, refusalOf, useApi, useLabel, useLanguageTag, useMeta, type CasePanelProps } from '../../../admin/src/plugin-kit.js';
import { useCaseFilesTranslate } from './messages.js';
import { uploadCaseFiles } from './uploadCaseFiles.js';

export interface ChecklistFile {
  id: number;
  originalName: string;
  kind: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
  /** Set when another plugin supplied the file (e.g. a document the centre issued). */
  downloadUrl?: string;
  suppliedBy?: string;
}

export interface ChecklistItem {
  key: string;
  name: string;
  required: boolean;
  suppliedBy: 'centre' | 'lawyer';
  acceptedTypes: string[];
  note?: string | null;
  files: ChecklistFile[];
}

export interface Checklist {
  template: { id: number; name: string; version: number; frozen: boolean } | null;
  items: ChecklistItem[];
  progress: { done: number; total: number };
  missingLawyerItems: { key: string; name: string }[];
  missingCentreItems: { key: string; name: string }[];
}

/** No more uploads once a case is finished (the server refuses them too). */
const FINISHED = ['closed', 'archived', 'terminated', 'rejected'];
const PREVIEWABLE = ['pdf', 'jpeg', 'png'];

const downloadUrl = (file: ChecklistFile, inline = false) => `${file.downloadUrl ?? `/api/case-files/${file.id}/download`}${inline ? '?inline=1' : ''}`;

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the file chooser offers for an item: the MIME types and extensions of its accepted kinds. */
function acceptAttribute(types: string[]): string {
  return types.flatMap((t) => (fileKinds[t] ? [fileKinds[t].mimeType, `.${fileKinds[t].extension}`, ...(t === 'jpeg' ? ['.jpeg'] : [])] : [])).join(',');
}

function KindIcon({ kind }: { kind: string }) {
  if (kind === 'pdf') return <PictureAsPdfIcon fontSize="small" sx={{ color: '#c62828' }} />;
  if (kind === 'jpeg' || kind === 'png') return <ImageIcon fontSize="small" color="primary" />;
  return <DescriptionIcon fontSize="small" color="action" />;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** A file dropped beside a drop zone would make the browser leave the console to show it. */
function useNoStrayDrops() {
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => {
      if (Array.from(event.dataTransfer?.types ?? []).includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fraction: number; count: number }
  | { phase: 'done'; count: number; replaced?: string }
  | { phase: 'error'; message: string };

interface ChecklistRowProps {
  caseRecord: RaRecord;
  item: ChecklistItem;
  index: number;
  canUpload: boolean;
}

function ChecklistRow({ caseRecord, item, index, canUpload }: ChecklistRowProps) {
  const translate = useCaseFilesTranslate();
  const label = useLabel();
  const tag = useLanguageTag();
  const api = useApi();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const replacing = useRef<ChecklistFile | null>(null);
  const dragDepth = useRef(0);
  const [over, setOver] = useState(false);
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' });
  const busy = upload.phase === 'uploading';
  const missing = item.required && !item.files.length;
  const accept = acceptAttribute(item.acceptedTypes);
  const acceptedText = item.acceptedTypes.map((t) => t.toUpperCase()).join('/');
  const acceptedTitle = item.acceptedTypes.map((t) => (fileKinds[t] ? label(fileKinds[t].label) : t)).join('、');

  const send = async (files: File[], replaces?: ChecklistFile) => {
    if (!files.length || busy) return;
    setUpload({ phase: 'uploading', fraction: 0, count: files.length });
    try {
      await uploadCaseFiles(api, {
        caseId: caseRecord.id,
        itemKey: item.key,
        files: replaces ? files.slice(0, 1) : files,
        replaces: replaces?.id,
        onProgress: (fraction) => setUpload((u) => (u.phase === 'uploading' ? { ...u, fraction } : u)),
      });
      // Said in the row itself: snackbars queue, and would hold back the workflow's own notices.
      setUpload({ phase: 'done', count: replaces ? 1 : files.length, replaced: replaces?.originalName });
      refresh(); // the checklist, the case and its workflow (提交结案 may now pass)
    } catch (error) {
      const refusal = refusalOf(error, translate('failed'));
      const { status } = refusal;
      const serverSaid = Boolean((error as HttpError).body?.message);
      const fieldMessage = refusal.errors.file ?? refusal.errors.replaces ?? refusal.errors.itemKey;
      // A 400 says only "the data has errors": the field's message is the one that helps.
      const message = status === 400 && fieldMessage ? fieldMessage : serverSaid ? refusal.message : translate(`byStatus.${status}`, { _: translate('failed') });
      setUpload({ phase: 'error', message });
    }
  };

  const dropProps = canUpload ? {
    onDragEnter: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dragDepth.current += 1;
      setOver(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: () => {
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (!dragDepth.current) setOver(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dragDepth.current = 0;
      setOver(false);
      void send(Array.from(event.dataTransfer.files));
    },
  } : {};

  return (
    <TableRow
      {...dropProps}
      data-item={item.key}
      data-missing={missing}
      sx={(theme) => ({
        verticalAlign: 'top',
        ...(missing ? { bgcolor: alpha(theme.palette.error.main, 0.045), boxShadow: `inset 3px 0 0 ${theme.palette.error.main}` } : {}),
        ...(over ? { outline: `2px dashed ${theme.palette.primary.main}`, outlineOffset: -2, bgcolor: alpha(theme.palette.primary.main, 0.08) } : {}),
      })}
    >
      <TableCell sx={{ color: 'text.secondary', width: 48 }}>{index + 1}</TableCell>
      <TableCell sx={{ minWidth: 160 }}>
        <Typography variant="body2" sx={{ fontWeight: 500, color: missing ? 'error.main' : undefined }}>{item.name}</Typography>
        {item.note ? <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{item.note}</Typography> : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Chip size="small" label={item.required ? translate('required') : translate('optional')} color={item.required ? 'primary' : 'default'} variant={item.required ? 'outlined' : 'filled'} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`suppliedBy.${item.suppliedBy}`, { _: item.suppliedBy })}</TableCell>
      <TableCell sx={{ minWidth: 220 }}>
        {item.files.length ? (
          <Stack spacing={0.5}>
            {item.files.map((file) => (
              <Stack key={file.id} direction="row" spacing={0.75} sx={{ alignItems: 'center', minWidth: 0 }} data-file={file.id}>
                <KindIcon kind={file.kind} />
                <Tooltip title={translate('uploadedBy', { who: file.uploadedBy, at: new Date(file.createdAt).toLocaleString(tag, { hour12: false }) })}>
                  {PREVIEWABLE.includes(file.kind) ? (
                    <Link href={downloadUrl(file, true)} target="_blank" rel="noopener" variant="body2" sx={{ overflowWrap: 'anywhere' }} aria-label={`${file.originalName}（${translate('preview')}）`}>
                      {file.originalName}
                    </Link>
                  ) : (
                    <Link href={downloadUrl(file)} download={file.originalName} variant="body2" sx={{ overflowWrap: 'anywhere' }}>{file.originalName}</Link>
                  )}
                </Tooltip>
                <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{sizeText(file.size)}</Typography>
                <Tooltip title={translate('download')}>
                  <IconButton size="small" href={downloadUrl(file)} download={file.originalName} aria-label={`${translate('download')} ${file.originalName}`}>
                    <DownloadIcon fontSize="inherit" />
                  </IconButton>
                </Tooltip>
                {canUpload && !file.suppliedBy ? (
                  <Button
                    size="small" sx={{ minWidth: 0, px: 0.75 }} disabled={busy}
                    onClick={() => {
                      replacing.current = file;
                      replaceInput.current?.click();
                    }}
                  >
                    {translate('replace')}
                  </Button>
                ) : null}
              </Stack>
            ))}
          </Stack>
        ) : missing ? (
          <Chip size="small" color="error" label={translate('missingChip')} />
        ) : (
          <Typography variant="body2" color="text.disabled">{translate('noFiles')}</Typography>
        )}
      </TableCell>
      <TableCell sx={{ width: 290 }}>
        {canUpload ? (
          <>
            <input
              ref={input} type="file" multiple hidden accept={accept} data-testid={`file-input-${item.key}`}
              onChange={(event) => {
                void send(Array.from(event.target.files ?? []));
                event.target.value = '';
              }}
            />
            <input
              ref={replaceInput} type="file" hidden accept={accept} data-testid={`replace-input-${item.key}`}
              onChange={(event) => {
                const target = replacing.current;
                if (target) void send(Array.from(event.target.files ?? []), target);
                event.target.value = '';
              }}
            />
            <ButtonBase
              onClick={() => input.current?.click()}
              disabled={busy}
              data-testid={`drop-zone-${item.key}`}
              sx={(theme) => ({
                width: '100%', display: 'block', textAlign: 'left', px: 1, py: 0.5, borderRadius: 1,
                border: `1px dashed ${over ? theme.palette.primary.main : theme.palette.divider}`,
                color: 'text.secondary', '&:hover': { borderColor: 'primary.main', bgcolor: 'action.hover' },
              })}
            >
              <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                <CloudUploadIcon fontSize="small" color={over ? 'primary' : 'action'} />
                <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                  {translate('dropHere')}<Box component="span" sx={{ color: 'primary.main', ml: 0.25 }}>{translate('choose')}</Box>
                </Typography>
              </Stack>
              {item.files.length ? null : (
                <Typography variant="caption" title={acceptedTitle} sx={{ display: 'block', color: 'text.disabled', pl: 3.5 }}>{translate('accepted', { types: acceptedText })}</Typography>
              )}
            </ButtonBase>
            <UploadStatus itemKey={item.key} state={upload} />
          </>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

function UploadStatus({ itemKey, state }: { itemKey: string; state: UploadState }) {
  const translate = useCaseFilesTranslate();
  if (state.phase === 'idle') return null;
  if (state.phase === 'error') {
    return (
      <Alert severity="error" sx={{ mt: 1, py: 0, px: 1 }} data-testid={`upload-status-${itemKey}`} data-state="error">
        {state.message}
      </Alert>
    );
  }
  const percent = state.phase === 'done' ? 100 : Math.round(state.fraction * 100);
  return (
    <Box sx={{ mt: 1 }} data-testid={`upload-status-${itemKey}`} data-state={state.phase}>
      <LinearProgress variant="determinate" value={percent} color={state.phase === 'done' ? 'success' : 'primary'} aria-label={translate('uploading', { percent })} />
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mt: 0.25 }}>
        {state.phase === 'done' ? <CheckCircleIcon color="success" sx={{ fontSize: 14 }} /> : null}
        <Typography variant="caption" color={state.phase === 'done' ? 'success.main' : 'text.secondary'}>
          {state.phase === 'done' ? (state.replaced ? translate('replaced', { name: state.replaced }) : translate('uploaded', { smart_count: state.count })) : translate('uploading', { percent })}
        </Typography>
      </Stack>
    </Box>
  );
}

export function ChecklistPanel({ caseRecord: record }: CasePanelProps) {
  const api = useApi();
  const translate = useCaseFilesTranslate();
  const { user } = useMeta();
  useNoStrayDrops();
  const checklist = useQuery({
    queryKey: caseQueryKey(record.id, 'checklist'),
    queryFn: () => api.get<Checklist>(`/api/cases/${record.id}/checklist`),
  });
  if (checklist.isPending) return <Skeleton variant="rounded" height={320} />;
  if (checklist.error) return <Alert severity="error">{refusalOf(checklist.error, translate('loadFailed')).message}</Alert>;
  const { template, items, progress, missingLawyerItems, missingCentreItems } = checklist.data;

  const finished = FINISHED.includes(String(record.status)) || Boolean(template?.frozen);
  const isCaseLawyer = user?.role === 'lawyer' && user.lawyerId !== null && Number(record.lawyerId) === Number(user.lawyerId);
  const mayUpload = (item: ChecklistItem) => !finished && (user?.role === 'admin' || (isCaseLawyer && item.suppliedBy === 'lawyer'));
  const someoneMayUpload = user?.role === 'admin' || isCaseLawyer;
  const missingCount = missingLawyerItems.length + missingCentreItems.length;
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const quoted = (list: { name: string }[]) => list.map((i) => `「${i.name}」`).join('');
  const missingText = [
    missingLawyerItems.length ? `${translate('missingBy.lawyer')}${quoted(missingLawyerItems)}` : '',
    missingCentreItems.length ? `${translate('missingBy.centre')}${quoted(missingCentreItems)}` : '',
  ].filter(Boolean).join('；');

  return (
    <Box data-testid="checklist-panel" sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1.5, p: 2, mb: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }} data-testid="checklist-progress" data-done={progress.done} data-total={progress.total}>
          {translate('progress', { done: progress.done, total: progress.total })}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {template ? <Chip size="small" variant="outlined" label={translate('template', { name: template.name, version: template.version })} /> : null}
          {template?.frozen ? <Chip size="small" color="info" label={translate('frozen')} /> : null}
        </Stack>
      </Stack>
      {template ? (
        <>
          <LinearProgress
            variant="determinate" value={percent} color={missingCount ? 'primary' : 'success'}
            aria-label={translate('progress', { done: progress.done, total: progress.total })} sx={{ height: 8, borderRadius: 4, mb: 2 }}
          />
          <Alert severity={missingCount ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="checklist-summary">
            {missingCount ? translate('missing', { smart_count: missingCount, names: missingText }) : translate('complete')}
          </Alert>
          {finished && someoneMayUpload ? <Alert severity="info" sx={{ mb: 2 }}>{translate('closed')}</Alert> : null}
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('columns.no')}</TableCell>
                  <TableCell>{translate('columns.item')}</TableCell>
                  <TableCell>{translate('columns.required')}</TableCell>
                  <TableCell>{translate('columns.suppliedBy')}</TableCell>
                  <TableCell>{translate('columns.files')}</TableCell>
                  <TableCell>{someoneMayUpload && !finished ? translate('columns.upload') : null}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((item, index) => (
                  <ChecklistRow key={item.key} caseRecord={record} item={item} index={index} canUpload={mayUpload(item)} />
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      ) : (
        <Alert severity="info">{translate('noTemplate')}</Alert>
      )}
    </Box>
  );
}
