// The console: one <Resource> per register in /api/meta, all drawn by the generic screens.
import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import { Route, useParams } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { MetaContext, permissionsOf, type Meta, type ResourceMeta } from './meta.js';
import { createI18nProvider } from './i18n.js';
import { createDataProvider } from './dataProvider.js';
import { createAuthProvider } from './authProvider.js';
import { fayuanTheme } from './theme.js';
import { Layout } from './Layout.js';
import { LoginPage } from './LoginPage.js';
import { resourceIcon } from './resourceIcons.js';
import { ResourceList } from './generic/ResourceList.js';
import { ResourceShow } from './generic/ResourceShow.js';
import { ResourceEdit } from './generic/ResourceEdit.js';
import { ResourceCreate } from './generic/ResourceCreate.js';
import { CaseShow } from './cases/CaseShow.js';
import { AuditEntryTitle, AuditLogList, AuditLogShow } from './audit/AuditLog.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { LawyerShow } from './lawyers/LawyerShow.js';
import { ConsultationShow } from './consultations/ConsultationShow.js';
import { bundledPlugins, pluginPages, type PluginPageProps } from './plugins.js';
import { ComplaintList, COMPLAINT_REPORT_PATH } from './complaints/ComplaintList.js';
import { ComplaintShow } from './complaints/ComplaintShow.js';

/** A lawyer's page: the generic one with the complaints about them. */

/** Screens with charts and reports load when first opened, so the sign-in screen stays light. */
const Dashboard = lazy(() => import('./Dashboard.js').then((m) => ({ default: m.Dashboard })));
const HotlineReport = lazy(() => import('./consultations/HotlineReport.js').then((m) => ({ default: m.HotlineReport })));
const ComplaintReportPage = lazy(() => import('./complaints/ComplaintReportPage.js').then((m) => ({ default: m.ComplaintReportPage })));
const HomePage = () => <Suspense fallback={null}><Dashboard /></Suspense>;

/** A plugin's page, handed its path's parameters (plugins import no router). */
function PluginPage({ Page }: { Page: ComponentType<PluginPageProps> }) {
  return <Page params={useParams()} />;
}

/** Pages that replace a register's generic ones. */
const showOf: Record<string, ComponentType> = { cases: CaseShow, complaints: ComplaintShow, consultations: ConsultationShow, lawyers: LawyerShow, 'audit-log': AuditLogShow };
const listOf: Record<string, ComponentType> = { complaints: ComplaintList, 'audit-log': AuditLogList, settings: SettingsPage };

/** Registers whose page adds to the generic one: a case's workflow and panels, a lawyer's cases, the audit log in sentences. */

interface AppProps {
  /** What the current user (or nobody) may see and do. */
  meta: Meta;
  /** Every register described so far: their labels are the translation messages. */
  catalogue: ResourceMeta[];
  reloadMeta: () => Promise<void>;
}

export function App({ meta, catalogue, reloadMeta }: AppProps) {
  const i18nProvider = useMemo(() => createI18nProvider(catalogue, bundledPlugins), [catalogue]);
  const [dataProvider, authProvider] = useMemo(() => {
    const getLocale = () => i18nProvider.getLocale();
    return [createDataProvider(getLocale), createAuthProvider({ getLocale, onSessionChange: reloadMeta })];
  }, [i18nProvider, reloadMeta]);

  return (
    <MetaContext.Provider value={meta}>
      <Admin
        disableTelemetry
        requireAuth
        title="法援"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={HomePage}
        layout={Layout}
        loginPage={LoginPage}
        theme={fayuanTheme}
      >
        {meta.resources.map((resource) => {
          const may = permissionsOf(resource);
          return (
            <Resource
              key={resource.name}
              name={resource.name}
              list={listOf[resource.name] ?? ResourceList}
              // A case's page adds its workflow and the plugins' case panels; a complaint's its handling; the audit log reads as sentences.
              show={showOf[resource.name] ?? ResourceShow}
              edit={may.update ? ResourceEdit : undefined}
              create={may.create ? ResourceCreate : undefined}
              icon={resourceIcon(resource.name)}
              recordRepresentation={resource.name === 'audit-log' ? <AuditEntryTitle /> : resource.titleField}
            />
          );
        })}
        <CustomRoutes>
          <Route path={COMPLAINT_REPORT_PATH} element={<Suspense fallback={null}><ComplaintReportPage /></Suspense>} />
          <Route path="/reports/hotline" element={<Suspense fallback={null}><HotlineReport /></Suspense>} />
          {pluginPages(meta).map(({ path, Page }) => <Route key={path} path={path} element={<PluginPage Page={Page} />} />)}
        </CustomRoutes>
      </Admin>
    </MetaContext.Provider>
  );
}
