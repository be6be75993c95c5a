// A list's spreadsheet buttons: export the list as the server writes it (the list's filter and sort,
// row rules and masking: GET /api/<register>/export.csv|xlsx), and import an XLSX or CSV with a
// preview of every row's problems before anything is kept (POST /api/<register>/import).
import { useState, type ChangeEvent } from 'react';
import {
  Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Link, Menu, MenuItem,
  Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import UploadIcon from '@mui/icons-material/Publish';
import { Button, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { refusalOf, useApi } from '../apiClient.js';

/** The registers the server imports (api/spreadsheets/routes.ts IMPORTABLE). */
export const IMPORTABLE = ['lawyers', 'law-firms', 'service-points', 'cases'];

export function ExportMenu({ resource }: { resource: string }) {
  const translate = useTranslate();
  const { filterValues, sort } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}), ...(sort?.field ? { sort: JSON.stringify([sort.field, sort.order]) } : {}) });
  const href = (kind: 'csv' | 'xlsx') => `/api/${resource}/export.${kind}?${query}`;
  return (
    <>
      <Button label={translate('ra.action.export')} onClick={(e) => setAnchor(e.currentTarget)} data-testid="export-menu"><DownloadIcon /></Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem component="a" href={href('xlsx')} download onClick={() => setAnchor(null)}>{translate('fayuan.spreadsheet.xlsx')}</MenuItem>
        <MenuItem component="a" href={href('csv')} download onClick={() => setAnchor(null)}>{translate('fayuan.spreadsheet.csv')}</MenuItem>
      </Menu>
    </>
  );
}

interface ImportAnswer {
  rows: number;
  errors: { row: number; field: string; message: string }[];
}

export function ImportButton({ resource }: { resource: string }) {
  const translate = useTranslate();
  const api = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    setFailure(null);
    setProgress(0);
    try {
      const answer = await api.upload<ImportAnswer>(`/api/${resource}/import${dryRun ? '?dryRun=1' : ''}`, form, { onProgress: setProgress });
      if (dryRun) setPreview(answer);
      else {
        notify(translate('fayuan.spreadsheet.imported', { n: answer.rows }), { type: 'success' });
        setOpen(false);
        refresh();
      }
    } catch (error) {
      const refusal = refusalOf(error, translate('fayuan.spreadsheet.failed'));
      const body = (error as { body?: ImportAnswer }).body;
      if (body && Array.isArray(body.errors)) setPreview(body);
      setFailure(refusal.message);
    } finally {
      setProgress(null);
    }
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setPreview(null);
    setFailure(null);
  };
  const close = () => {
    setOpen(false);
    setFile(null);
    setPreview(null);
    setFailure(null);
  };
  return (
    <>
      <Button label={translate('fayuan.spreadsheet.import')} onClick={() => setOpen(true)} data-testid="import-button"><UploadIcon /></Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
        <DialogTitle>{translate('fayuan.spreadsheet.import')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('fayuan.spreadsheet.hint')}{' '}
            <Link href={`/api/${resource}/import-template.xlsx`} download>{translate('fayuan.spreadsheet.template')}</Link>
          </Typography>
          <input type="file" accept=".xlsx,.csv" onChange={choose} data-testid="import-file" />
          {progress !== null ? (
            <Box sx={{ mt: 2 }}>
              <LinearProgress variant={progress < 1 ? 'determinate' : 'indeterminate'} value={progress * 100} />
              <Typography variant="caption">{progress < 1 ? translate('fayuan.spreadsheet.uploading', { pct: Math.round(progress * 100) }) : translate('fayuan.spreadsheet.checking')}</Typography>
            </Box>
          ) : null}
          {failure ? <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert> : null}
          {preview ? (
            preview.errors.length ? (
              <Table size="small" sx={{ mt: 2 }} data-testid="import-errors">
                <TableHead><TableRow>
                  <TableCell>{translate('fayuan.spreadsheet.row')}</TableCell>
                  <TableCell>{translate('fayuan.spreadsheet.column')}</TableCell>
                  <TableCell>{translate('fayuan.spreadsheet.problem')}</TableCell>
                </TableRow></TableHead>
                <TableBody>
                  {preview.errors.slice(0, 200).map((e, i) => (
                    <TableRow key={i}><TableCell>{e.row}</TableCell><TableCell>{e.field}</TableCell><TableCell>{e.message}</TableCell></TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : <Alert severity="success" sx={{ mt: 2 }}>{translate('fayuan.spreadsheet.ready', { n: preview.rows })}</Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton onClick={() => send(true)} disabled={!file || progress !== null}>{translate('fayuan.spreadsheet.preview')}</MuiButton>
          <MuiButton variant="contained" onClick={() => send(false)} disabled={!file || progress !== null || !preview || preview.errors.length > 0}>
            {translate('fayuan.spreadsheet.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
