// The frame: the product's name in the app bar beside the page title; the language switch.
import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import BalanceIcon from '@mui/icons-material/Balance';
import { AppBar, Layout as RaLayout, TitlePortal, useTranslate } from 'react-admin';

function FayuanAppBar() {
  const translate = useTranslate();
  return (
    <AppBar>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 3 }}>
        <BalanceIcon fontSize="small" />
        <Typography variant="subtitle1" component="span" sx={{ fontWeight: 700, letterSpacing: 1, whiteSpace: 'nowrap' }}>
          {translate('fayuan.title')}
        </Typography>
      </Box>
      <TitlePortal variant="subtitle1" sx={{ opacity: 0.85 }} />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout appBar={FayuanAppBar}>{children}</RaLayout>;
}
