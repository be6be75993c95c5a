// The plugin mechanism: a plugin's routes, registers, fields, guards, effects, migrations, cards,
// panels and OpenAPI entries exist exactly while it is enabled; enabling it on an existing
// database migrates once; disabling it keeps its data. Shown with the case-files plugin and with
// a throwaway plugin defined here.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppEnv } from '../api/http/app-env.js';
import { createFayuan, type Fayuan } from '../api/http/app.js';
import { everyRow } from '../api/access/rules.js';
import { definePlugin } from '../api/plugins/define.js';
import { enabledPluginNames, loadPlugins } from '../api/plugins/load.js';
import { defineResource } from '../api/resources/define.js';
import { ApiError } from '../api/rest/errors.js';
import { listQuery, ORIGIN, PASSWORD, startTestFayuan, totalOf, type Role, type TestFayuan } from './support/fayuan.js';
import { pdfFile } from './support/pdf-file.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function json(res: Response): Promise<Json> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function meta(t: TestFayuan, role: Role = 'admin'): Promise<Json> {
  return json(await t.api(role, '/api/meta'));
}

const resourceNames = (m: Json): string[] => m.resources.map((r: Json) => r.name);
const caseFieldNames = (m: Json): string[] => m.resources.find((r: Json) => r.name === 'cases').fields.map((f: Json) => f.name);

/** A notified civil case (no means test), assigned to the demo lawyer and started. */
async function caseInProgress(t: TestFayuan, caseType = 'civil'): Promise<number> {
  const created = await json(await t.api('admin', '/api/cases', { method: 'POST', body: { applicantName: '插件测试', caseType, channel: 'notified' } }));
  const lawyerId = (await meta(t, 'lawyer')).user.lawyerId;
  for (const [action, payload] of [['review', {}], ['accept', {}], ['assign', { lawyerId }], ['start', {}]] as const) {
    const res = await t.api('admin', `/api/cases/${created.id}/transitions/${action}`, { method: 'POST', body: payload });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
  }
  return created.id;
}

async function uploadPdf(t: TestFayuan, caseId: number, itemKey: string): Promise<Response> {
  const form = new FormData();
  form.set('itemKey', itemKey);
  form.append('file', new File([new Uint8Array(pdfFile(itemKey))], `${itemKey}.pdf`));
  return t.fayuan.app.request(`/api/cases/${caseId}/files`, { method: 'POST', headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN }, body: form });
}

async function pluginMigrations(t: TestFayuan, plugin: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('migrations').select('name').where('name', 'like', `${plugin}/%`).orderBy('name').execute();
  return rows.map((r) => r.name);
}

async function countRows(t: TestFayuan, table: string): Promise<number> {
  const { n } = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

const CASE_FILE_PATHS = ['/api/case-file-templates', '/api/case-files', '/api/cases/{id}/checklist', '/api/cases/{id}/files', '/api/case-files/{id}/download'];

async function expectCaseFilesAbsent(t: TestFayuan, caseId: number) {
  for (const url of ['/api/case-file-templates', '/api/case-files', `/api/cases/${caseId}/checklist`, '/api/case-files/1/download', '/api/case-file-templates/1']) {
    expect((await t.api('admin', url)).status, url).toBe(404);
  }
  expect((await uploadPdf(t, caseId, 'evidence')).status).toBe(404);
  const m = await meta(t);
  expect(resourceNames(m)).not.toContain('case-file-templates');
  expect(resourceNames(m)).not.toContain('case-files');
  expect(caseFieldNames(m)).not.toContain('criminalStage');
  expect(m.plugins).toEqual([]);
  expect(m.dashboard.map((c: Json) => c.id)).not.toContain('archived-files');
  const openapi = await json(await t.api(null, '/api/openapi.json'));
  for (const p of CASE_FILE_PATHS) expect(Object.keys(openapi.paths), p).not.toContain(p);
  expect(Object.keys(openapi.components.schemas.Cases.properties)).not.toContain('criminalStage');
}

describe('the case-files plugin, disabled, enabled later on the same database, and disabled again', () => {
  let base: TestFayuan; // plugins: [] — the first app, which owns the database
  let open: number; // a case in progress, created while the plugin is disabled
  let criminal: number; // a criminal one, which the plugin's criminalStage applies to (issue #10)
  const started: TestFayuan[] = [];
  const start = async (plugins: string[]) => {
    const t = await startTestFayuan({ plugins, database: base.database });
    started.push(t);
    return t;
  };

  beforeAll(async () => {
    base = await startTestFayuan({ cases: 20, plugins: [] });
    open = await caseInProgress(base);
    criminal = await caseInProgress(base, 'criminal');
  });
  afterAll(async () => {
    for (const t of started) {
      await t.close(); // leaves the shared database open
      fs.rmSync(t.fayuan.context.config.dataDir, { recursive: true, force: true });
    }
    await base?.close();
  });

  describe('while disabled', () => {
    it('answers 404 on its routes and hides its registers, its case field, its plugin entry, its card and its OpenAPI paths', async () => {
      await expectCaseFilesAbsent(base, open);
    });

    it('has run none of its migrations and created none of its tables', async () => {
      expect(await pluginMigrations(base, 'case-files')).toEqual([]);
      await expect(countRows(base, 'case_file_templates')).rejects.toThrow();
    });

    it('does not gate submit-closing or close on the case file', async () => {
      const id = await caseInProgress(base);
      const submitted = await base.api('lawyer', `/api/cases/${id}/transitions/submit-closing`, { method: 'POST', body: {} });
      expect(submitted.status, await submitted.clone().text()).toBe(200);
      const closed = await base.api('admin', `/api/cases/${id}/transitions/close`, { method: 'POST', body: { outcome: '撤诉' } });
      expect(closed.status).toBe(200);
    });
  });

  describe('enabled later on the existing database', () => {
    let on: TestFayuan;

    beforeAll(async () => {
      on = await start(['case-files']);
    });

    it('runs its migrations, recorded as case-files/001-… and case-files/002-…', async () => {
      const names = await pluginMigrations(on, 'case-files');
      expect(names).toHaveLength(2);
      expect(names[0]).toMatch(/^case-files\/001-/);
      expect(names[1]).toMatch(/^case-files\/002-/);
      await expect(countRows(on, 'case_file_snapshots')).resolves.toBe(0);
    });

    it('creates the seven standard templates', async () => {
      const res = await on.api('lawyer', '/api/case-file-templates?range=[0,99]');
      expect(res.status).toBe(200);
      expect(totalOf(res)).toBe(7);
      expect(await countRows(on, 'case_file_templates')).toBe(7);
    });

    it('runs each migration once however often the app starts or migrates', async () => {
      await on.fayuan.migrate();
      await on.fayuan.migrate();
      await start(['case-files']);
      await start(['case-files']);
      const names = await pluginMigrations(on, 'case-files');
      expect(names).toHaveLength(2);
      expect(new Set(names).size).toBe(2);
      expect(await countRows(on, 'case_file_templates')).toBe(7);
    });

    it('mounts its routes: cases that existed before get a checklist', async () => {
      const res = await on.api('lawyer', `/api/cases/${open}/checklist`);
      const list = await json(res);
      expect(res.status).toBe(200);
      expect(list.progress).toEqual({ done: 0, total: 19 });
      expect((await uploadPdf(on, open, 'evidence')).status).toBe(201);
      expect((await json(await on.api('lawyer', `/api/cases/${open}/checklist`))).progress.done).toBe(1);
    });

    it('shows its registers, the criminalStage field, its plugin entry with the checklist panel, its card and its OpenAPI paths', async () => {
      const m = await meta(on);
      expect(resourceNames(m)).toEqual(expect.arrayContaining(['case-file-templates', 'case-files']));
      expect(caseFieldNames(m)).toContain('criminalStage');
      expect(m.plugins.map((p: Json) => p.name)).toEqual(['case-files']);
      expect(m.plugins[0].resources).toEqual(['case-file-templates', 'case-files']);
      expect(m.plugins[0].casePanels.map((p: Json) => p.id)).toEqual(['checklist']);
      expect(m.dashboard.map((c: Json) => c.id)).toContain('archived-files');
      expect((await meta(on, 'reviewer')).plugins[0].casePanels).toEqual([]); // the panel's roles leave reviewers out
      const openapi = await json(await on.api(null, '/api/openapi.json'));
      for (const p of CASE_FILE_PATHS) expect(Object.keys(openapi.paths), p).toContain(p);
      expect(Object.keys(openapi.components.schemas.Cases.properties)).toContain('criminalStage');
    });

    it('gates submit-closing on the case file', async () => {
      const res = await on.api('lawyer', `/api/cases/${open}/transitions/submit-closing`, { method: 'POST', body: {} });
      const body = await json(res);
      expect(res.status).toBe(422);
      expect(body.rules[0].rule).toBe('case_file.lawyer_items_missing');
    });

    it('stores the criminalStage it adds to cases', async () => {
      const row = await json(await on.api('admin', `/api/cases/${criminal}`));
      // Issue #10: the criminal stage applies to criminal cases only.
      const res = await on.api('admin', `/api/cases/${criminal}`, { method: 'PUT', body: { ...row, criminalStage: 'trial' } });
      expect(res.status).toBe(200);
      expect((await json(res)).criminalStage).toBe('trial');
    });
  });

  describe('disabled again', () => {
    let off: TestFayuan;

    beforeAll(async () => {
      off = await start([]);
    });

    it('answers 404 on its routes and hides it from meta and OpenAPI again', async () => {
      await expectCaseFilesAbsent(off, open);
    });

    it('keeps its data: templates, uploads, migration records and the criminalStage column', async () => {
      expect(await countRows(off, 'case_file_templates')).toBe(7);
      const files = await off.database.db.selectFrom('case_files').selectAll().where('caseId', '=', open).execute();
      expect(files.map((f) => f.itemKey)).toEqual(['evidence']);
      await expect(countRows(off, 'case_file_snapshots')).resolves.toBe(0);
      expect(await pluginMigrations(off, 'case-files')).toHaveLength(2);
      // The core does not know the field, so an edit of the case leaves it alone.
      const row = await json(await off.api('admin', `/api/cases/${criminal}`));
      expect(row).not.toHaveProperty('criminalStage');
      expect((await off.api('admin', `/api/cases/${criminal}`, { method: 'PUT', body: { ...row, causeOfAction: '故意伤害' } })).status).toBe(200);
      const stored = await off.database.db.selectFrom('cases').select('criminalStage').where('id', '=', criminal).executeTakeFirstOrThrow();
      expect(stored.criminalStage).toBe('trial');
    });

    it('finds everything where it was when enabled once more', async () => {
      const back = await start(['case-files']);
      const list = await json(await back.api('lawyer', `/api/cases/${open}/checklist`));
      expect(list.progress.done).toBe(1);
      expect(list.items.find((i: Json) => i.key === 'evidence').files).toHaveLength(1);
      expect((await json(await back.api('admin', `/api/cases/${criminal}`))).criminalStage).toBe('trial');
      expect(await pluginMigrations(back, 'case-files')).toHaveLength(2);
      expect(await countRows(back, 'case_file_templates')).toBe(7);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A throwaway plugin that uses every extension point once.

const BLOCKED = '黑名单';
const ROLLBACK = '回滚';

const stamps = defineResource({
  name: 'test-stamps',
  label: { zh: '测试印章', en: 'Test stamps' },
  titleField: 'title',
  fields: {
    title: { type: 'text', label: { zh: '标题', en: 'Title' }, required: true, maxLength: 50 },
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' } },
  },
  access: { read: { admin: everyRow, lawyer: everyRow }, create: { admin: everyRow }, update: { admin: everyRow }, delete: { admin: everyRow } },
  list: { columns: ['title', 'caseId'], sort: ['title', 'ASC'], filters: ['caseId'], search: ['title'] },
});

const throwaway = definePlugin({
  name: 'throwaway',
  label: { zh: '试验插件', en: 'Throwaway' },
  description: { zh: '只在测试中存在', en: 'Exists in tests only' },
  resources: [stamps],
  fields: { lawyers: { badgeNo: { type: 'text', label: { zh: '徽章编号', en: 'Badge number' }, maxLength: 20 } } },
  access: { cases: { read: { reviewer: () => ({ caseType: 'arbitration' }) } } },
  migrations: [{
    name: '001-greetings',
    async up(db) {
      await db.schema.createTable('throwaway_greetings').addColumn('text', 'text', (c) => c.notNull()).execute();
      await db.insertInto('throwaway_greetings').values({ text: '你好' }).execute();
    },
  }],
  routes: (ctx) => new Hono<AppEnv>().get('/throwaway/greeting', async (c) => {
    const rows = await ctx.database.db.selectFrom('throwaway_greetings').select('text').execute();
    return c.json({ greetings: rows.map((r) => r.text), actor: c.var.actor.email, lawyerFields: Object.keys(ctx.resource('lawyers').fields) });
  }),
  guards: [{
    action: 'review',
    name: 'throwaway-blocklist',
    check: ({ caseRow }) => (String(caseRow.applicantName).includes(BLOCKED)
      ? [{ rule: 'throwaway.blocked', message: { zh: '申请人在黑名单上', en: 'The applicant is blocklisted' }, details: { applicant: caseRow.applicantName } }]
      : []),
  }],
  effects: [{
    action: 'accept',
    async run({ trx, after }) {
      await trx.insertInto('test_stamps').values({ title: `受理 ${after.caseNumber}`, caseId: after.id, version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }).execute();
      if (String(after.applicantName).includes(ROLLBACK)) throw new ApiError(422, { zh: '印章失败', en: 'Stamping failed' });
    },
  }],
  dashboard: [{ id: 'throwaway-card', label: { zh: '测试印章', en: 'Test stamps' }, resource: 'test-stamps', filter: {}, roles: ['admin'] }],
  casePanels: [{ id: 'throwaway-panel', label: { zh: '印章', en: 'Stamps' }, roles: ['admin', 'supervisor'] }],
  openapi: { '/api/throwaway/greeting': { get: { summary: 'Greetings', responses: { 200: { description: 'OK' } } } } },
});

describe('a plugin passed to createFayuan', () => {
  let base: TestFayuan; // plugins: [] — owns the database
  let app: Fayuan;
  const cookies = new Map<Role, string>();

  async function call(role: Role | null, url: string, init: { method?: string; body?: unknown } = {}, on: Fayuan = app): Promise<Response> {
    const headers: Record<string, string> = { origin: ORIGIN };
    if (role) {
      if (!cookies.has(role)) {
        const res = await app.app.request('/api/auth/sign-in/email', {
          method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify({ email: `${role}@fayuan.test`, password: PASSWORD }),
        });
        if (res.status !== 200) throw new Error(`sign-in as ${role}: ${res.status}`);
        cookies.set(role, res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
      }
      headers.cookie = cookies.get(role)!;
    }
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return on.app.request(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  }

  async function newCase(applicantName: string): Promise<number> {
    const res = await call('admin', '/api/cases', { method: 'POST', body: { applicantName, caseType: 'civil', channel: 'notified' } });
    expect(res.status).toBe(201);
    return (await json(res)).id;
  }

  const transition = (id: number, action: string) => call('admin', `/api/cases/${id}/transitions/${action}`, { method: 'POST', body: {} });

  beforeAll(async () => {
    base = await startTestFayuan({ cases: 30, plugins: [] });
    app = createFayuan({ database: base.database, config: base.fayuan.context.config, plugins: [throwaway] });
    await app.migrate();
  });
  afterAll(async () => {
    await base?.close();
  });

  it('adds its register: a table, the REST routes, its row rules and an entry in meta', async () => {
    const id = await newCase('印章测试');
    const created = await call('admin', '/api/test-stamps', { method: 'POST', body: { title: '手工印章', caseId: id } });
    expect(created.status, await created.clone().text()).toBe(201);
    const list = await call('lawyer', `/api/test-stamps${listQuery({ filter: { caseId: id } })}`);
    expect((await json(list)).map((r: Json) => r.title)).toEqual(['手工印章']);
    expect((await call('lawyer', '/api/test-stamps', { method: 'POST', body: { title: '律师印章' } })).status).toBe(403);
    const m = await json(await call('admin', '/api/meta'));
    expect(resourceNames(m)).toContain('test-stamps');
    expect(m.plugins).toEqual([expect.objectContaining({ name: 'throwaway', resources: ['test-stamps'] })]);
    expect((await base.api('admin', '/api/test-stamps')).status).toBe(404);
  });

  it('adds its field to lawyers: a column, validation and the field in meta, and only while enabled', async () => {
    const lawyer = await json(await call('admin', '/api/lawyers/1'));
    expect(lawyer).toHaveProperty('badgeNo', null);
    const saved = await call('admin', '/api/lawyers/1', { method: 'PUT', body: { ...lawyer, badgeNo: 'B-007' } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect((await json(await call('admin', '/api/lawyers/1'))).badgeNo).toBe('B-007');
    const tooLong = await call('admin', '/api/lawyers/1', { method: 'PUT', body: { ...lawyer, badgeNo: 'B'.repeat(21), version: undefined } });
    expect(tooLong.status).toBe(400);
    const fields = (m: Json) => m.resources.find((r: Json) => r.name === 'lawyers').fields.map((f: Json) => f.name);
    expect(fields(await json(await call('admin', '/api/meta')))).toContain('badgeNo');
    expect(fields(await meta(base))).not.toContain('badgeNo');
    expect(await json(await base.api('admin', '/api/lawyers/1'))).not.toHaveProperty('badgeNo');
  });

  it('runs its migration once, recorded as throwaway/001-greetings, however often it migrates', async () => {
    await app.migrate();
    const again = createFayuan({ database: base.database, config: base.fayuan.context.config, plugins: [throwaway] });
    await again.migrate();
    expect(await pluginMigrations(base, 'throwaway')).toEqual(['throwaway/001-greetings']);
    expect(await countRows(base, 'throwaway_greetings')).toBe(1);
  });

  it('mounts its route under /api, behind the session guard, with the plugin context', async () => {
    const res = await call('lawyer', '/api/throwaway/greeting');
    const body = await json(res);
    expect(res.status).toBe(200);
    expect(body).toEqual({ greetings: ['你好'], actor: 'lawyer@fayuan.test', lawyerFields: expect.arrayContaining(['name', 'badgeNo']) });
    expect((await call(null, '/api/throwaway/greeting')).status).toBe(401);
    expect((await base.api('lawyer', '/api/throwaway/greeting')).status).toBe(404);
  });

  it('runs its guard on review: refuses with 422, its rule, message and details when its condition holds, and lets other cases through', async () => {
    const blocked = await newCase(`${BLOCKED}申请人`);
    const res = await transition(blocked, 'review');
    const body = await json(res);
    expect(res.status).toBe(422);
    expect(body.message).toBe('申请人在黑名单上');
    expect(body.rules).toEqual([{ rule: 'throwaway.blocked', message: { zh: '申请人在黑名单上', en: 'The applicant is blocklisted' }, details: { applicant: `${BLOCKED}申请人` } }]);
    expect((await json(await call('admin', `/api/cases/${blocked}`))).status).toBe('applied');
    expect((await transition(await newCase('普通申请人'), 'review')).status).toBe(200);
    // Without the plugin, the same case passes.
    expect((await base.api('admin', `/api/cases/${blocked}/transitions/review`, { method: 'POST', body: {} })).status).toBe(200);
  });

  it("runs its effect inside the transition's transaction: its writes land with the move, and its failure undoes the move", async () => {
    const ok = await newCase('效果测试');
    expect((await transition(ok, 'review')).status).toBe(200);
    expect((await transition(ok, 'accept')).status).toBe(200);
    const stamped = await json(await call('admin', `/api/test-stamps${listQuery({ filter: { caseId: ok } })}`));
    expect(stamped).toHaveLength(1);
    expect(stamped[0].title).toMatch(/^受理 /);

    const failing = await newCase(`${ROLLBACK}测试`);
    expect((await transition(failing, 'review')).status).toBe(200);
    const res = await transition(failing, 'accept');
    expect(res.status).toBe(422);
    expect((await json(await call('admin', `/api/cases/${failing}`))).status).toBe('reviewing');
    expect(await json(await call('admin', `/api/test-stamps${listQuery({ filter: { caseId: failing } })}`))).toEqual([]);
    const audit = await base.database.db.selectFrom('audit_log').select('action').where('resource', '=', 'cases').where('recordId', '=', String(failing)).where('action', '=', 'transition:accept').execute();
    expect(audit).toEqual([]);
  });

  it('shows its dashboard card to the roles it names only', async () => {
    const cards = async (role: Role) => (await json(await call(role, '/api/meta'))).dashboard.map((c: Json) => c.id);
    expect(await cards('admin')).toContain('throwaway-card');
    expect(await cards('lawyer')).not.toContain('throwaway-card');
    expect((await meta(base)).dashboard.map((c: Json) => c.id)).not.toContain('throwaway-card');
  });

  it('shows its case panel to the roles it names, and adds its OpenAPI paths', async () => {
    const panels = async (role: Role) => (await json(await call(role, '/api/meta'))).plugins[0].casePanels.map((p: Json) => p.id);
    expect(await panels('admin')).toEqual(['throwaway-panel']);
    expect(await panels('supervisor')).toEqual(['throwaway-panel']);
    expect(await panels('lawyer')).toEqual([]);
    const paths = Object.keys((await json(await call(null, '/api/openapi.json'))).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/throwaway/greeting', '/api/test-stamps', '/api/test-stamps/{id}']));
    expect(Object.keys((await json(await base.api(null, '/api/openapi.json'))).paths)).not.toContain('/api/throwaway/greeting');
  });

  it("extends an existing register's row rules: reviewers read arbitration cases only, and none without the plugin", async () => {
    const res = await call('reviewer', `/api/cases${listQuery({ range: [0, 999] })}`);
    const rows = await json(res);
    expect(res.status).toBe(200);
    const arbitration = await call('admin', `/api/cases${listQuery({ filter: { caseType: 'arbitration' }, range: [0, 0] })}`);
    expect(totalOf(res)).toBe(totalOf(arbitration));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: Json) => r.caseType === 'arbitration')).toBe(true);
    expect(totalOf(await base.api('reviewer', `/api/cases${listQuery({ range: [0, 9] })}`))).toBe(0);
  });
});

describe('choosing and loading plugins', () => {
  it('reads FAYUAN_PLUGINS as a comma-separated list', () => {
    expect(enabledPluginNames({ FAYUAN_PLUGINS: 'a,b' })).toEqual(['a', 'b']);
    expect(enabledPluginNames({ FAYUAN_PLUGINS: ' a , b ,' })).toEqual(['a', 'b']);
  });

  it('enables none when FAYUAN_PLUGINS is empty, even if fayuan.config.json lists some', () => {
    expect(enabledPluginNames({ FAYUAN_PLUGINS: '' })).toEqual([]);
  });

  it('falls back to the plugins of fayuan.config.json without FAYUAN_PLUGINS', () => {
    const file = path.join(root, 'fayuan.config.json');
    const expected = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).plugins ?? [] : [];
    expect(enabledPluginNames({})).toEqual(expected);
  });

  it('loads a plugin by its folder name', async () => {
    const [plugin] = await loadPlugins(['case-files']);
    expect(plugin.name).toBe('case-files');
    expect(plugin.migrations?.length).toBe(2);
  });

  it('fails with a clear message for a plugin that does not exist', async () => {
    await expect(loadPlugins(['no-such-plugin'])).rejects.toThrow('plugin "no-such-plugin" is enabled but plugins/no-such-plugin/server/index.ts does not exist');
  });

  it('refuses a plugin name that could leave the plugins folder', async () => {
    await expect(loadPlugins(['../api'])).rejects.toThrow(/lowercase letters, digits and hyphens/);
    await expect(loadPlugins(['Case-Files'])).rejects.toThrow(/lowercase letters, digits and hyphens/);
  });
});

// The migrations table is the core's; make sure the plugin names its steps with its own prefix.
describe('migration names', () => {
  it('prefixes every plugin migration with the plugin name', async () => {
    const t = await startTestFayuan({ cases: 0, plugins: ['case-files'] });
    try {
      const rows = await sql<{ name: string }>`select name from migrations order by name`.execute(t.database.db);
      const names = rows.rows.map((r) => r.name);
      expect(names.filter((n) => n.startsWith('case-files/'))).toHaveLength(2);
      expect(names.every((n) => n.startsWith('core/') || n.startsWith('case-files/'))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
