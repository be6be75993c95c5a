// Sign-in: the product's name above react-admin's email and password form.
import { Box, Typography } from '@mui/material';
import BalanceIcon from '@mui/icons-material/Balance';
import { Login, LoginForm, useTranslate } from 'react-admin';

export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login
      avatarIcon={<BalanceIcon />}
      sx={{ backgroundImage: 'linear-gradient(160deg, #17324f 0%, #1f5592 60%, #2d6aa8 100%)' }}
    >
      <Box sx={{ textAlign: 'center', px: 3, pb: 1 }}>
        <Typography variant="h6" component="h1">{translate('fayuan.short_title')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('fayuan.auth.subtitle')}</Typography>
      </Box>
      <LoginForm />
    </Login>
  );
}
