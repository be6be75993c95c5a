// A real Fayuan for a test file: its own SQLite file, or its own schema in the PostgreSQL
// that DATABASE_URL names; real better-auth sessions; requests go through the real Hono app.
import fs from 'node:fs';
import { createSchema, dropSchema } from './pg-schema.js';
import os from 'node:os';
import path from 'node:path';
import type { Fayuan } from '../../api/http/app.js';
import { boot } from '../../api/boot.js';
import { readConfig } from '../../api/config.js';
import { openDatabase, type Database } from '../../api/db/connect.js';
import type { FayuanPlugin } from '../../api/plugins/define.js';
import type { ResourceDefinition } from '../../api/resources/define.js';
import { coreResources } from '../../api/resources/index.js';
import { seedDemo } from '../../api/seed/load-demo.js';

export const PASSWORD = 'test-password-123';
export const ORIGIN = 'http://localhost:3000';

export interface TestFayuan {
  fayuan: Fayuan;
  database: Database;
  dialect: Database['dialect'];
  /** A request as the signed-in demo account of that role (or anonymous). */
  api(role: Role | null, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  cookieOf(role: Role): Promise<string>;
  close(): Promise<void>;
}

export type Role = 'admin' | 'supervisor' | 'lawyer' | 'reviewer';

export async function startTestFayuan(options: {
  cases?: number;
  resources?: ResourceDefinition[];
  env?: Record<string, string>;
  /** Plugin names, or throwaway definitions; none by default, so core tests do not depend on plugins. */
  plugins?: (string | FayuanPlugin)[];
  /** Reuse a database (e.g. to restart with other plugins); it is not closed or dropped by close(). */
  database?: Database;
} = {}): Promise<TestFayuan> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-test-'));
  const databaseUrl = process.env.DATABASE_URL;
  let schema: string | undefined;
  if (databaseUrl?.startsWith('postgres') && !options.database) {
    schema = await createSchema(databaseUrl, 't');
  }
  const database = options.database ?? openDatabase({ databaseUrl, dataDir, schema });
  // DATABASE_URL as a deployment would set it (it decides defaults such as FILE_STORE); the connection is `database`.
  const onPostgres = database.dialect === 'postgres' && databaseUrl ? { DATABASE_URL: databaseUrl } : {};
  const config = readConfig({ PORT: '3000', DATA_DIR: dataDir, FAYUAN_RATE_LIMIT: 'off', ...onPostgres, ...options.env });
  const { fayuan } = await boot({ config, database, resources: options.resources ?? coreResources, plugins: options.plugins ?? [] });
  if (options.cases !== 0 && !options.database) await seedDemo(fayuan, database, PASSWORD, options.cases ?? 60);

  const cookies = new Map<Role, string>();
  async function cookieOf(role: Role): Promise<string> {
    const known = cookies.get(role);
    if (known) return known;
    const res = await fayuan.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: `${role}@fayuan.test`, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${role} answered ${res.status}: ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    cookies.set(role, cookie);
    return cookie;
  }

  return {
    fayuan,
    database,
    dialect: database.dialect,
    cookieOf,
    async api(role, urlPath, init = {}) {
      const headers: Record<string, string> = { origin: ORIGIN, ...init.headers };
      if (role) headers.cookie = await cookieOf(role);
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return fayuan.app.request(urlPath, { method: init.method ?? 'GET', headers, body });
    },
    async close() {
      if (options.database) return;
      await database.close();
      if (schema && databaseUrl) {
        await dropSchema(databaseUrl, schema);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `?sort=…&range=…&filter=…` as ra-data-simple-rest writes it. */
export function listQuery(params: { sort?: [string, string]; range?: [number, number]; filter?: Record<string, unknown> }) {
  const q = new URLSearchParams();
  if (params.sort) q.set('sort', JSON.stringify(params.sort));
  if (params.range) q.set('range', JSON.stringify(params.range));
  if (params.filter) q.set('filter', JSON.stringify(params.filter));
  return `?${q}`;
}

export function totalOf(res: Response): number {
  return Number(res.headers.get('content-range')?.split('/').pop());
}
