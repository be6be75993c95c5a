// The Hono application: better-auth, the registers' routes, meta, OpenAPI and the built console.
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { consoleAssets, revalidateConsole } from './console-assets.js';
import type { AppEnv } from './app-env.js';
import { authMigrations, CLIENT_IP_HEADER, createAuth, type Auth } from '../auth/auth.js';
import { writeAudit } from '../rest/audit.js';
import { authApiRefusal, localiseAuthError } from '../auth/auth-messages.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import usersDeclaration from '../users/declaration.js';
import { userRoutes } from '../users/routes.js';
import { transitionRoutes } from '../cases/transitions.js';
import { correctionRoutes } from '../cases/corrections.js';
import { coreGuards } from '../cases/guards.js';
import { complaintNoticeRoute, complaintReportRoutes, complaintRoutes } from '../complaints/routes.js';
import { settingsRoutes } from '../settings/routes.js';
import { consultationRoutes, reportRoutes as hotlineReportRoutes } from '../consultations/routes.js';
import { publicRoutes } from '../public/routes.js';
import { frontDoorOpenApi } from '../public/openapi.js';
import { applicationFileRoutes } from '../public/application-files.js';
import coreSettingsDeclaration from '../settings/declaration.js';
import { coreCards } from '../meta/dashboard.js';
import type { FayuanPlugin, PluginContext } from '../plugins/define.js';
import { withPlugins } from '../plugins/load.js';
import { contributionsOf } from '../plugins/contributions.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { coreMigrations, migrate } from '../db/migrate.js';
import { shippedForms } from '../forms/shipped.js';
import { formRoutes } from '../forms/routes.js';
import { buildMeta } from '../meta/meta.js';
import { docsPage, openApiDocument } from '../meta/openapi.js';
import { describeRoute } from '../meta/route-docs.js';
import type { ResourceDefinition } from '../resources/define.js';
import { coreResources } from '../resources/index.js';
import { crudRoutes } from '../rest/crud-routes.js';
import { spreadsheetRoutes } from '../spreadsheets/routes.js';
import { reportRoutes } from '../reports/routes.js';
import { reportPaths } from '../reports/openapi.js';
import { ApiError, localeOf } from '../rest/errors.js';
import { Records } from '../rest/records.js';
import { Sessions, sessionGuard } from '../auth/session.js';
import { createAuthEpoch } from '../auth/auth-epoch.js';
import { boundedBodies, readBoundedBody } from './body-limit.js';
import { sameOriginWrites } from './same-origin.js';
import { signInThrottle } from './sign-in-throttle.js';
import { policyAllowingInline, securityHeaders } from './security-headers.js';
import { projectRoot } from '../paths.js';

export const adminDist = path.join(projectRoot, 'admin', 'dist');
const swaggerDist = path.join(projectRoot, 'node_modules', 'swagger-ui-dist');

export interface AppOptions {
  database: Database;
  config: Config;
  /** The core registers (tests may add throwaway ones). */
  resources?: ResourceDefinition[];
  /** Enabled plugins, already loaded (api/plugins/load.ts). */
  plugins?: FayuanPlugin[];
}

export interface Fayuan {
  app: Hono<AppEnv>;
  auth: Auth;
  records: Records;
  resources: ResourceDefinition[];
  plugins: FayuanPlugin[];
  context: PluginContext;
  /** Brings the schema up to date (idempotent; safe in several processes at once). */
  migrate(): Promise<void>;
  /** Runs the plugins' start hooks; call once the schema is up to date. */
  start(): Promise<void>;
}

/** The peer's address from the socket; in-process test requests have none. */
function clientIp(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? '127.0.0.1';
  } catch {
    return '127.0.0.1';
  }
}

/** A page of the console build, or 503 while it is not built. */
function servePage(c: Context, file: string) {
  const page = path.join(adminDist, file);
  if (!fs.existsSync(page)) return c.text('The console is not built: run `npm run build`.', 503);
  return c.html(fs.readFileSync(page, 'utf8'));
}

/** The address a sign-in names, for its audit entry ('' when the body is not such JSON). */
function emailOf(body: ArrayBuffer): string {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body));
    return typeof parsed?.email === 'string' ? parsed.email.slice(0, 200) : '';
  } catch {
    return '';
  }
}

export function createFayuan({ database, config, resources: core = coreResources, plugins = [] }: AppOptions): Fayuan {
  const resources = withPlugins(core, plugins);
  const byName = new Map(resources.map((r) => [r.name, r]));
  const epoch = createAuthEpoch(database);
  const auth = createAuth(database, config, () => epoch.bump());
  const sessions = new Sessions(auth, epoch, config.sessionCache);
  const [settingsDeclaration] = withPlugins([coreSettingsDeclaration], plugins);
  const records = new Records(database, byName, settingsDeclaration);
  const contributions = contributionsOf(plugins);
  const context: PluginContext = {
    config, database, records, auth, contributions,
    resource: (name) => {
      const found = byName.get(name);
      if (!found) throw new Error(`no register ${name}`);
      return found;
    },
  };
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    const locale = localeOf(c);
    if (error instanceof ApiError) return c.json(error.body(locale), error.status);
    const refused = authApiRefusal(error, locale);
    if (refused) return c.json(refused.body, refused.status);
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ message: locale === 'zh' ? '请求无效' : 'Bad request', errors: {} }, error.status);
    }
    console.error(error);
    return c.json({ message: locale === 'zh' ? '服务器内部错误，请稍后重试' : 'Internal error; please try again', errors: {} }, 500);
  });

  app.use('/api/*', async (c, next) => {
    c.set('locale', localeOf(c));
    await next();
  });
  app.use('*', securityHeaders({ https: config.publicUrl.startsWith('https://') }));
  // Bodies stay under 1 MB however they are sent; an upload route raises its own allowance.
  app.use('/api/*', boundedBodies());

  const unsigned = { security: [] }; // answered without a session
  app.get('/api/health', describeRoute({ ...unsigned, summary: 'Liveness and database check', responses: { 200: { description: '{ok: true, database}' } } }), async (c) => {
    await database.db.selectFrom('migrations').select('name').limit(1).execute();
    return c.json({ ok: true, database: database.dialect });
  });
  const throttle = signInThrottle(database.db, config.rateLimit);
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // Every state-changing auth call comes from the console's own origin (better-auth checks this
    // only when a cookie is present, and sign-in has none).
    const origin = c.req.header('origin');
    if (c.req.method === 'POST' && (!origin || !config.trustedOrigins.includes(origin))) {
      return localiseAuthError(Response.json({ code: origin ? 'INVALID_ORIGIN' : 'MISSING_OR_NULL_ORIGIN' }, { status: 403 }), localeOf(c));
    }
    const ip = clientIp(c);
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, ip);
    const signIn = c.req.method === 'POST' && c.req.path === '/api/auth/sign-in/email';
    // Read once, within the limit; better-auth and the audit entry both use these bytes.
    const body = c.req.method === 'POST' ? await readBoundedBody(c) : undefined;
    const email = signIn ? emailOf(body!) : '';
    const throttled = signIn && !(await throttle.allows(ip, email));
    const answer = throttled ? new Response('{}', { status: 429 }) : await auth.handler(new Request(c.req.raw.url, { method: c.req.method, headers, body }));
    const response = await localiseAuthError(answer, localeOf(c));
    if (signIn) {
      const user = response.ok ? await response.clone().json().then((b) => b?.user, () => null) : null;
      await writeAudit(database.db, {
        actor: user ? { id: user.id, email: user.email, role: user.role, lawyerId: user.lawyerId ?? null } : { id: '', email, role: '', lawyerId: null },
        action: response.ok ? 'sign-in' : response.status === 429 ? 'sign-in-throttled' : 'sign-in-failed',
        ip,
      });
    }
    return response;
  });
  const described = [...resources, usersDeclaration, settingsDeclaration];
  const cards = [...coreCards, ...plugins.flatMap((p) => p.dashboard ?? [])];
  app.get('/api/meta', describeRoute({ ...unsigned, summary: 'Registers, fields, forms and plugin screens for the console', responses: { 200: { description: 'Metadata' } } }), async (c) => c.json(buildMeta(described, await sessions.actorOf(c.req.raw.headers), cards, plugins)));
  // Built on first request, when every route is mounted.
  let openApi: Promise<unknown> | undefined;
  app.get('/api/openapi.json', describeRoute({ ...unsigned, summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } }), async (c) => {
    openApi ??= openApiDocument(app, described, Object.assign(reportPaths(resources), frontDoorOpenApi, ...plugins.map((p) => p.openapi ?? {})));
    return c.json(await openApi);
  });
  const docsPolicy = policyAllowingInline(docsPage);
  app.get('/api/docs', describeRoute({ ...unsigned, summary: 'Swagger UI on this document', responses: { 200: { description: 'HTML' } } }), (c) => c.html(docsPage, 200, { 'Content-Security-Policy': docsPolicy }));
  app.use('/api/docs/*', serveStatic({ root: swaggerDist, rewriteRequestPath: (p) => p.replace(/^\/api\/docs/, '') }));

  app.route('/api/public', complaintNoticeRoute(records));

  app.use('/api/*', sameOriginWrites(config.trustedOrigins));
  // The public application form: no session, the same origin, rate limits of its own.
  app.route('/api/public', publicRoutes(records, config, clientIp));
  app.use('/api/*', sessionGuard(sessions));
  app.route('/api/users', userRoutes(auth, records));
  app.route('/api/cases', transitionRoutes(records, {
    guards: [...coreGuards, ...plugins.flatMap((p) => p.guards ?? [])],
    effects: plugins.flatMap((p) => p.effects ?? []),
    context,
  }));
  app.route('/api/cases', correctionRoutes(records));
  app.route('/api/complaints', complaintRoutes(records));
  app.route('/api/reports', complaintReportRoutes(records));
  app.route('/api/cases', applicationFileRoutes(records));
  app.route('/api/consultations', consultationRoutes(records));
  app.route('/api/reports', hotlineReportRoutes(records));
  for (const plugin of plugins) if (plugin.routes) app.route('/api', plugin.routes(context));
  if (byName.has('forms')) app.route('/api/forms', formRoutes(records));
  app.route('/api/settings', settingsRoutes(records, settingsDeclaration));
  app.route('/api', reportRoutes(records, { context, cards, plugins }));
  for (const resource of resources) app.route(`/api/${resource.name}`, spreadsheetRoutes(records, resource));
  for (const resource of resources) app.route(`/api/${resource.name}`, crudRoutes(records, resource));
  app.all('/api/*', (c) => c.json({ message: localeOf(c) === 'zh' ? '接口不存在' : 'No such endpoint', errors: {} }, 404));

  app.on(['GET', 'HEAD'], '/assets/*', consoleAssets(adminDist));
  app.use('/*', revalidateConsole);
  // The public application page: its own entry of the console build, no sign-in.
  app.get('/apply', (c) => servePage(c, 'apply.html'));
  app.get('/apply/*', (c) => servePage(c, 'apply.html'));
  app.use('/*', serveStatic({ root: adminDist }));
  app.get('/*', (c) => servePage(c, 'index.html'));

  return {
    app,
    auth,
    records,
    resources,
    plugins,
    context,
    start: async () => {
      for (const plugin of plugins) await plugin.start?.(context);
    },
    migrate: () => migrate(database, {
      resources,
      migrations: [...coreMigrations, ...(byName.has('forms') ? [shippedForms] : []), ...plugins.flatMap((p) => (p.migrations ?? []).map((m) => ({ ...m, name: `${p.name}/${m.name}` })))],
      authMigrations: () => authMigrations(auth),
    }),
  };
}
