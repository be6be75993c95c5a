// `npm run user`: the command that makes the first admin of a real deployment, run as a child
// process against a database of its own (a temp DATA_DIR, or a fresh PostgreSQL database),
// then checked by signing in through the app.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../api/db/connect.js';
import { ORIGIN, startTestFayuan, type TestFayuan } from './support/fayuan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const postgresUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

let dataDir: string;
let databaseUrl: string | undefined;
let pgDatabaseName: string | undefined;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx tsx api/cli/user.ts …` with the test's own database. */
function cli(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, FAYUAN_DEMO: 'off' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'api/cli/user.ts', ...args], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr).split('\n').filter((l) => !l.startsWith('npm warn')).join('\n') });
    });
  });
}

/** The generated password the command printed: the line `密码（…）：<password>`. */
function printedPassword(run: Run): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('密码（'));
  if (!line) throw new Error(`no password printed:\n${run.stdout}`);
  return line.split('：').pop()!.trim();
}

let database: Database;
let app: TestFayuan;

async function signIn(email: string, password: string) {
  return app.fayuan.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
}

async function cookieFor(email: string, password: string): Promise<string> {
  const res = await signIn(email, password);
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const as = (cookie: string, urlPath: string, init: { method?: string; body?: unknown } = {}) =>
  app.fayuan.app.request(urlPath, {
    method: init.method ?? 'GET',
    headers: { cookie, origin: ORIGIN, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-cli-'));
  if (postgresUrl) {
    pgDatabaseName = `fayuan_cli_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`create database ${pgDatabaseName}`);
    await client.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${pgDatabaseName}`;
    databaseUrl = url.toString();
  }
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (pgDatabaseName) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`drop database if exists ${pgDatabaseName} with (force)`);
    await client.end();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each run starts a process that compiles and migrates: give the tests room.
describe('npm run user', { timeout: 120_000 }, () => {
  const adminEmail = 'director@centre.example.cn';
  const adminPassword = 'Initial-Password-2026';
  let currentAdminPassword = adminPassword;

  it('creates the first admin of an empty database, who can then sign in to the console', async () => {
    const run = await cli('create', '--email', 'Director@Centre.example.cn', '--role', 'admin', '--name', '王主任', '--password', adminPassword);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已创建账号：${adminEmail}`);
    expect(run.stdout).not.toContain(adminPassword);

    // The app opens the same database the command wrote to.
    database = openDatabase({ databaseUrl, dataDir });
    app = await startTestFayuan({ database });
    const cookie = await cookieFor(adminEmail, adminPassword);
    const meta = await (await as(cookie, '/api/meta')).json();
    expect(meta.user).toMatchObject({ email: adminEmail, role: 'admin', lawyerId: null });
    const users = await (await as(cookie, '/api/users')).json();
    expect(users).toEqual([expect.objectContaining({ email: adminEmail, name: '王主任', role: 'admin', banned: false })]);
  });

  it('prints a generated strong password when none is given, and that password signs in', async () => {
    const run = await cli('create', '--email', 'supervisor@centre.example.cn', '--role', 'supervisor');
    expect(run.code, run.stderr).toBe(0);
    const password = printedPassword(run);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[a-z]/);
    const cookie = await cookieFor('supervisor@centre.example.cn', password);
    expect((await (await as(cookie, '/api/meta')).json()).user.role).toBe('supervisor');
    // Two generated passwords are never the same.
    const other = await cli('create', '--email', 'reviewer@centre.example.cn', '--role', 'reviewer');
    expect(other.code, other.stderr).toBe(0);
    expect(printedPassword(other)).not.toBe(password);
  });

  it('refuses a duplicate email (any case) with a Chinese message and exit code 1', async () => {
    const run = await cli('create', '--email', 'DIRECTOR@centre.example.cn', '--role', 'supervisor', '--password', 'another-password-1');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('该邮箱已有账号');
    // The first admin's password still works; no second account appeared.
    await cookieFor(adminEmail, adminPassword);
    const count = await database.db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', adminEmail).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses an unknown role with a Chinese message naming the roles, and exit code 1', async () => {
    const run = await cli('create', '--email', 'boss@centre.example.cn', '--role', 'superuser', '--password', 'long-enough-pw');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('未知角色「superuser」');
    expect(run.stderr).toContain('admin（中心管理员）');
    expect(await database.db.selectFrom('user').select('id').where('email', '=', 'boss@centre.example.cn').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a bad email, a short password and an unknown option with exit code 1', async () => {
    const [badEmail, short, unknown] = await Promise.all([
      cli('create', '--email', 'not-an-email', '--role', 'admin'),
      cli('create', '--email', 'short@centre.example.cn', '--role', 'admin', '--password', 'short'),
      cli('create', '--email', 'x@centre.example.cn', '--role', 'admin', '--rol', 'admin'),
    ]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain('邮箱格式不正确');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('密码至少 8 位');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('参数有误');
  });

  it('creates a lawyer account linked to a lawyer record with --lawyer-id, and refuses one without or with a missing record', async () => {
    const admin = await cookieFor(adminEmail, adminPassword);
    const created = await as(admin, '/api/lawyers', { method: 'POST', body: { name: '林律师', licenseNo: '13310201512345678', lawyerType: 'legal_aid' } });
    expect(created.status).toBe(201);
    const lawyer = await created.json();

    const [missingLink, noSuchLawyer] = await Promise.all([
      cli('create', '--email', 'lin@centre.example.cn', '--role', 'lawyer', '--password', 'lawyer-password-1'),
      cli('create', '--email', 'lin@centre.example.cn', '--role', 'lawyer', '--password', 'lawyer-password-1', '--lawyer-id', '999999'),
    ]);
    expect(missingLink.code).toBe(1);
    expect(missingLink.stderr).toContain('--lawyer-id');
    expect(noSuchLawyer.code).toBe(1);
    expect(noSuchLawyer.stderr).toContain('律师登记记录不存在');

    const run = await cli('create', '--email', 'lin@centre.example.cn', '--role', 'lawyer', '--name', '林律师', '--password', 'lawyer-password-1', '--lawyer-id', String(lawyer.id));
    expect(run.code, run.stderr).toBe(0);
    const cookie = await cookieFor('lin@centre.example.cn', 'lawyer-password-1');
    expect((await (await as(cookie, '/api/meta')).json()).user).toMatchObject({ role: 'lawyer', lawyerId: lawyer.id });
    const own = await (await as(cookie, '/api/lawyers')).json();
    expect(own.map((l: { id: number }) => l.id)).toEqual([lawyer.id]);
  });

  it('lists the accounts with their roles', async () => {
    const run = await cli('list');
    expect(run.code, run.stderr).toBe(0);
    for (const text of [adminEmail, 'admin（中心管理员）', 'supervisor@centre.example.cn', 'lin@centre.example.cn', 'lawyer（承办律师）', '王主任', '共 4 个账号']) {
      expect(run.stdout).toContain(text);
    }
    expect(run.stdout).not.toMatch(/Password-|password-1/);
  });

  it('sets a new password: the old one stops working and existing sessions are signed out', async () => {
    const before = await cookieFor(adminEmail, adminPassword);
    expect((await as(before, '/api/cases')).status).toBe(200);

    const run = await cli('set-password', '--email', adminEmail, '--password', 'Replacement-Password-9');
    expect(run.code, run.stderr).toBe(0);
    expect((await signIn(adminEmail, adminPassword)).status).toBe(401);
    expect((await as(before, '/api/cases')).status).toBe(401);
    await cookieFor(adminEmail, 'Replacement-Password-9');

    const generated = await cli('set-password', '--email', adminEmail);
    expect(generated.code, generated.stderr).toBe(0);
    currentAdminPassword = printedPassword(generated);
    await cookieFor(adminEmail, currentAdminPassword);
  });

  it('refuses to set the password of an account that does not exist', async () => {
    const run = await cli('set-password', '--email', 'nobody@centre.example.cn', '--password', 'whatever-password');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('没有该邮箱的账号');
  });

  it('leaves the account work in the audit log, without passwords', async () => {
    const admin = await cookieFor(adminEmail, currentAdminPassword);
    const entries = await (await as(admin, `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ resource: 'users' }))}&range=[0,99]`)).json();
    const actions = entries.map((e: { action: string; actorEmail: string }) => `${e.actorEmail}:${e.action}`);
    expect(actions.filter((a: string) => a === 'cli:create')).toHaveLength(4);
    expect(actions.filter((a: string) => a === 'cli:update')).toHaveLength(2);
    for (const entry of entries) expect(String(entry.changes)).not.toMatch(/Password-|password-1/);
  });
});
