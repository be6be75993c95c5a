// 工作台: a greeting with the user's role; for admins and supervisors the year's indicators, for
// lawyers their own work; the counts the server picks for that role (overdue cases, applications
// to review…, plugins add theirs), and how many records each register holds.
import type { ComponentType } from 'react';
import { Box, Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { LinkBase, Title, useCreatePath, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { useMeta, type Label } from './meta.js';
import { useLabel, useLanguageTag } from './i18n.js';
import { resourceIcon } from './resourceIcons.js';
import { useHomePanels } from './plugins.js';
import { IndicatorBoard } from './dashboard/IndicatorBoard.js';
import { MyWork } from './dashboard/MyWork.js';
import { useHome } from './dashboard/home.js';

interface CountCardProps {
  id: string;
  resource: string;
  label: Label;
  filter?: Record<string, unknown>;
  alert?: boolean;
  /** undefined while the home figures load, null when they could not be counted. */
  total: number | null | undefined;
}

function CountCard({ id, resource, label: title, filter = {}, alert = false, total }: CountCardProps) {
  const translate = useTranslate();
  const label = useLabel();
  const tag = useLanguageTag();
  const createPath = useCreatePath();
  const Icon: ComponentType<{ sx?: object }> = resourceIcon(resource);
  const warn = alert && (total ?? 0) > 0;
  const query = Object.keys(filter).length ? `?${new URLSearchParams({ filter: JSON.stringify(filter) })}` : '';
  return (
    <Card sx={warn ? { borderColor: 'error.light' } : undefined} data-testid={`card-${id}`}>
      <CardActionArea component={LinkBase} to={`${createPath({ resource, type: 'list' })}${query}`} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Box sx={{ color: warn ? 'error.main' : 'primary.main', bgcolor: 'action.hover', borderRadius: 2, p: 1.25, display: 'flex' }}>
              <Icon sx={{ fontSize: 30 }} />
            </Box>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" color="text.secondary" noWrap>{label(title)}</Typography>
              {total === undefined ? (
                <Skeleton width={60} height={36} />
              ) : total === null ? (
                <Typography variant="body2" color="text.disabled" sx={{ lineHeight: '36px' }}>{translate('fayuan.dashboard.unavailable')}</Typography>
              ) : (
                <Typography variant="h5" component="p" sx={{ fontWeight: 600, color: warn ? 'error.main' : undefined }} data-testid="count">
                  {total.toLocaleString(tag)}
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 0.75 }}>
                    {translate('fayuan.dashboard.records')}
                  </Typography>
                </Typography>
              )}
            </Box>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

const gridSx = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' }, mb: 3 };

function Section({ title }: { title: string }) {
  return <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>{title}</Typography>;
}

export function Dashboard() {
  const meta = useMeta();
  const homePanels = useHomePanels();
  const translate = useTranslate();
  const label = useLabel();
  const tag = useLanguageTag();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string>();
  const role = meta.roles.find((r) => r.id === permissions);
  const today = new Date().toLocaleDateString(tag, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const cards = meta.dashboard ?? [];
  const home = useHome();
  const counted = (totals: Record<string, number | null> | undefined, key: string) => (home.isError ? null : totals?.[key]);
  // The registers the server counted for this role, in the menu's order.
  const registers = meta.resources.filter((r) => !home.data || r.name in home.data.registers);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('fayuan.dashboard.title')} />
      <Card sx={{ mb: 3 }}>
        <CardContent>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
            {translate('fayuan.dashboard.greeting', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 1 }} data-testid="role">
            {role ? translate('fayuan.dashboard.role', { role: label(role.label) }) : null}
            {role ? '　·　' : null}
            {translate('fayuan.dashboard.today', { date: today })}
          </Typography>
        </CardContent>
      </Card>
      {permissions === 'admin' || permissions === 'supervisor' ? <IndicatorBoard /> : null}
      {permissions === 'lawyer' ? <MyWork /> : null}
      {cards.length ? (
        <>
          <Section title={translate('fayuan.dashboard.todo')} />
          <Box sx={gridSx}>
            {cards.map((card) => <CountCard key={card.id} {...card} total={counted(home.data?.cards, card.id)} />)}
          </Box>
        </>
      ) : null}
      {homePanels.map(({ key, Panel }) => <Panel key={key} />)}
      <Section title={translate('fayuan.dashboard.registers')} />
      <Box sx={gridSx}>
        {registers.map((resource) => (
          <CountCard key={resource.name} id={resource.name} resource={resource.name} label={resource.label} total={counted(home.data?.registers, resource.name)} />
        ))}
      </Box>
    </Box>
  );
}
