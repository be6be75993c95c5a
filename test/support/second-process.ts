// Several Fayuan instances on one database: a fresh, empty target (a temporary SQLite file, or a
// new schema in the PostgreSQL that DATABASE_URL names), separate connections to it, and real
// child processes that migrate it (test/support/migrate-child.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createSchema, dropSchema } from './pg-schema.js';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFayuan, type Fayuan } from '../../api/http/app.js';
import { readConfig } from '../../api/config.js';
import { openDatabase, type Database } from '../../api/db/connect.js';
import type { ResourceDefinition } from '../../api/resources/define.js';
import { coreResources } from '../../api/resources/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SharedTarget {
  dialect: Database['dialect'];
  dataDir: string;
  databaseUrl?: string;
  schema?: string;
  /** A new, separate connection (pool) to the target. */
  open(): Database;
  /** Removes the schema or the directory. */
  drop(): Promise<void>;
}

export async function freshTarget(): Promise<SharedTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-shared-'));
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
  let schema: string | undefined;
  if (databaseUrl) {
    schema = await createSchema(databaseUrl, 'c');
  }
  return {
    dialect: databaseUrl ? 'postgres' : 'sqlite',
    dataDir,
    databaseUrl,
    schema,
    open: () => openDatabase({ databaseUrl, dataDir, schema }),
    async drop() {
      if (schema && databaseUrl) {
        await dropSchema(databaseUrl, schema);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Fayuan on its own connection, configured as the test harness configures one. */
export function instanceOn(database: Database, resources: ResourceDefinition[] = coreResources): Fayuan {
  const config = readConfig({ PORT: '3000', DATA_DIR: os.tmpdir(), FAYUAN_RATE_LIMIT: 'off' });
  return createFayuan({ database, config, resources });
}

export interface ChildResult {
  code: number | null;
  output: string;
  /** When the child began migrating and when it finished, ms since the epoch (from its output). */
  began?: number;
  ended?: number;
}

/**
 * Starts `tsx test/support/migrate-child.ts` processes on the target, waits until every one has
 * loaded and connected, then lets them all migrate at once.
 */
export async function migrateInChildren(target: SharedTarget, count: number): Promise<ChildResult[]> {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [tsx, path.join(ROOT, 'test', 'support', 'migrate-child.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: target.databaseUrl ?? '', DATA_DIR: target.dataDir, FAYUAN_TEST_SCHEMA: target.schema ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let markReady: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready')) markReady();
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    const done = new Promise<ChildResult>((resolve) => {
      child.on('exit', (code) => {
        markReady();
        const times = /migrated (\d+) (\d+)/.exec(output);
        resolve({ code, output, began: times ? Number(times[1]) : undefined, ended: times ? Number(times[2]) : undefined });
      });
    });
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}
