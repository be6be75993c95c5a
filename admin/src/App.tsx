// The console: one <Resource> per register in /api/meta, all drawn by the generic screens.
import { useMemo } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { MetaContext, permissionsOf, type Meta, type ResourceMeta } from './meta.js';
import { createI18nProvider } from './i18n.js';
import { createDataProvider } from './dataProvider.js';
import { createAuthProvider } from './authProvider.js';
import { fayuanTheme } from './theme.js';
import { Dashboard } from './Dashboard.js';
import { Layout } from './Layout.js';
import { LoginPage } from './LoginPage.js';
import { resourceIcon } from './resourceIcons.js';
import { ResourceList } from './generic/ResourceList.js';
import { ResourceShow } from './generic/ResourceShow.js';
import { ResourceEdit } from './generic/ResourceEdit.js';
import { ResourceCreate } from './generic/ResourceCreate.js';
import { CaseShow } from './cases/CaseShow.js';
import { ConsultationShow } from './consultations/ConsultationShow.js';
import { HotlineReport } from './consultations/HotlineReport.js';
import { bundledPlugins } from './plugins.js';

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
        dashboard={Dashboard}
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
              list={ResourceList}
              // A case's page adds its workflow and the plugins' case panels to the generic one.
              show={resource.name === 'cases' ? CaseShow : resource.name === 'consultations' ? ConsultationShow : ResourceShow}
              edit={may.update ? ResourceEdit : undefined}
              create={may.create ? ResourceCreate : undefined}
              icon={resourceIcon(resource.name)}
              recordRepresentation={resource.titleField}
            />
          );
        })}
        <CustomRoutes>
          <Route path="/reports/hotline" element={<HotlineReport />} />
        </CustomRoutes>
      </Admin>
    </MetaContext.Provider>
  );
}
