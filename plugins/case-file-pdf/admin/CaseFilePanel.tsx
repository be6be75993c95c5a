// The standard case file on the case's page: 导出卷宗 (download) and an in-page preview of the PDF.
import { useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import VisibilityIcon from '@mui/icons-material/Visibility';
import type { CasePanelProps } from '../../../admin/src/plugin-kit.js';
import { useCaseFileTranslate } from './messages.js';

export function CaseFilePanel({ caseRecord }: CasePanelProps) {
  const translate = useCaseFileTranslate();
  const [previewing, setPreviewing] = useState(false);
  const url = `/api/cases/${caseRecord.id}/case-file.pdf`;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">{translate('hint')}</Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" startIcon={<DownloadIcon />} href={`${url}?download=1`} download>{translate('export')}</Button>
        <Button variant="outlined" startIcon={<VisibilityIcon />} onClick={() => setPreviewing((p) => !p)} aria-expanded={previewing}>
          {translate(previewing ? 'hidePreview' : 'preview')}
        </Button>
      </Stack>
      {previewing ? (
        <Box component="iframe" src={url} title={translate('previewTitle')} sx={{ width: '100%', height: '80vh', border: 1, borderColor: 'divider', borderRadius: 1 }} />
      ) : null}
    </Stack>
  );
}
