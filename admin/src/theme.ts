// A calm, sober look for a public-sector console: navy and slate, Chinese fonts first.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const fontFamily = [
  '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"Source Han Sans SC"',
  '"Helvetica Neue"', 'Roboto', 'Arial', 'sans-serif',
].join(',');

export const fayuanTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1f5592' },
    secondary: { main: '#17324f' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    text: { primary: '#1d2733', secondary: '#5b6776' },
  },
  shape: { borderRadius: 6 },
  typography: { fontFamily, fontSize: 14, h6: { fontWeight: 600 } },
  sidebar: { width: 220, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: { defaultProps: { elevation: 0 } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600, whiteSpace: 'nowrap', backgroundColor: '#eef2f7' } } },
  },
};
