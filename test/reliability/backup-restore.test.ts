// `npm run backup` while the server takes writes, then `npm run restore` into an empty target:
// the restored database holds exactly the rows the manifest describes (every table, row by row),
// every write answered before the backup began, and every file with its SHA-256; a server started
// on the restored data serves them. On PostgreSQL (DATABASE_URL) each side is a database of its own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/connect.js';
import { readManifest, type Manifest } from '../../api/backup/manifest.js';
import { summarizeTables } from '../../api/backup/table-summary.js';
import { casesInProgress, json, pdfItemKey, runCli, uploadPdf, type ApiFetch } from '../support/case-uploads.js';
import { createDatabase, dropDatabase } from '../support/pg-database.js';
import { pdfFile } from '../support/pdf-file.js';
import { contentRangeTotal, demoAccount, signedInFetch, startServer, type RunningServer } from '../support/server.js';

const pgAdmin = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');
const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

let source: RunningServer;
let sourceDb: string | undefined;
const target = { dataDir: tempDir('fayuan-restored-'), databaseUrl: undefined as string | undefined };
const backupDir = path.join(tempDir('fayuan-backup-'), 'copy');
let restored: RunningServer | undefined;

beforeAll(async () => {
  if (pgAdmin) {
    sourceDb = await createDatabase(pgAdmin, 'backup_source');
    target.databaseUrl = await createDatabase(pgAdmin, 'backup_target');
  }
  source = await startServer({ env: sourceDb ? { DATABASE_URL: sourceDb } : {} });
}, 180_000);

afterAll(async () => {
  await restored?.stop();
  await source?.stop();
  for (const url of [sourceDb, target.databaseUrl]) if (pgAdmin && url) await dropDatabase(pgAdmin, url);
  fs.rmSync(target.dataDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(backupDir), { recursive: true, force: true });
});

interface Written {
  firms: Map<number, string>;
  files: Map<number, string>;
}

/** Clients that create law firms and upload PDFs until told to stop; what was answered 2xx, and when. */
function writers(api: ApiFetch, caseId: number, itemKey: string, clients: number) {
  let stopping = false;
  const answered: { at: number; kind: 'firm' | 'file'; id: number; value: string }[] = [];
  const failures: string[] = [];
  const run = async (client: number) => {
    for (let n = 0; !stopping; n++) {
      if (n % 4 === 3) {
        const data = pdfFile(`backup ${client} ${n}`);
        const res = await uploadPdf(api, caseId, itemKey, data, `backup-${client}-${n}.pdf`);
        if (res.status === 201) answered.push({ at: Date.now(), kind: 'file', id: (await res.json())[0].id, value: sha256(data) });
        else failures.push(`upload ${res.status} ${await res.text()}`);
      } else {
        const name = `备份中写入 ${client}-${n}`;
        const res = await api('/api/law-firms', { method: 'POST', headers: json, body: JSON.stringify({ name }) });
        if (res.status === 201) answered.push({ at: Date.now(), kind: 'firm', id: (await res.json()).id, value: name });
        else failures.push(`create ${res.status} ${await res.text()}`);
      }
    }
  };
  const running = Promise.all(Array.from({ length: clients }, (_, i) => run(i)));
  return {
    failures,
    async stop() {
      stopping = true;
      await running;
    },
    /** Writes answered before `time`. */
    before(time: number): Written {
      const done = answered.filter((a) => a.at < time);
      return {
        firms: new Map(done.filter((a) => a.kind === 'firm').map((a) => [a.id, a.value])),
        files: new Map(done.filter((a) => a.kind === 'file').map((a) => [a.id, a.value])),
      };
    },
  };
}

describe('npm run backup and npm run restore', { timeout: 180_000 }, () => {
  let manifest: Manifest;
  let acknowledged: Written;

  it('copies a consistent database and every file while 6 clients write', async () => {
    const api = await signedInFetch(source, demoAccount.admin);
    const [{ id: caseId }] = await casesInProgress(api, 1);
    const load = writers(api, caseId, await pdfItemKey(api, caseId), 6);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // writes under way before the backup starts
    const began = Date.now();
    const run = await runCli('backup', [backupDir], { dataDir: source.dataDir, databaseUrl: sourceDb });
    await new Promise((resolve) => setTimeout(resolve, 500)); // and after it ends
    await load.stop();
    expect(run.code, run.output).toBe(0);
    expect(load.failures).toEqual([]);
    acknowledged = load.before(began);
    expect(acknowledged.firms.size).toBeGreaterThan(10);
    expect(acknowledged.files.size).toBeGreaterThan(2);

    manifest = readManifest(backupDir);
    expect(manifest.database).toBe(pgAdmin ? 'postgres' : 'sqlite');
    expect(Object.keys(manifest.tables)).toEqual(expect.arrayContaining(['cases', 'law_firms', 'case_files', 'user', 'session', 'audit_log']));
    // Every file listed is in the copy with the bytes its key names.
    // Files on disk are copied beside the database; files in its file_blobs table travel inside it.
    expect(manifest.files.length + (manifest.databaseFiles?.length ?? 0)).toBeGreaterThan(acknowledged.files.size);
    for (const { key, size } of manifest.files) {
      const data = fs.readFileSync(path.join(backupDir, 'files', key.slice(0, 2), key));
      expect(sha256(data)).toBe(key);
      expect(data.byteLength).toBe(size);
    }
  });

  it('restores into an empty target exactly the rows of every table and every file the manifest lists', async () => {
    const run = await runCli('restore', [backupDir], target);
    expect(run.code, run.output).toBe(0);

    const database = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    try {
      expect(await summarizeTables(database.db, database.dialect)).toEqual(manifest.tables);
      // Every write answered before the backup began is there, with its value.
      const firms = await database.db.selectFrom('law_firms').select(['id', 'name']).where('id', 'in', [...acknowledged.firms.keys()]).execute();
      expect(new Map(firms.map((f) => [f.id, f.name]))).toEqual(acknowledged.firms);
      const files = await database.db.selectFrom('case_files').select(['id', 'sha256']).execute();
      for (const [id, hash] of acknowledged.files) expect(files.find((f) => f.id === id)?.sha256).toBe(hash);
      // Every file a restored row names is there with its bytes.
      const onDisk = (key: string) => path.join(target.dataDir, 'files', key.slice(0, 2), key);
      for (const { sha256: key } of files) {
        const blob = await database.db.selectFrom('file_blobs').select('data').where('key', '=', key).executeTakeFirst();
        const data = fs.existsSync(onDisk(key)) ? fs.readFileSync(onDisk(key)) : new Uint8Array(blob?.data as Uint8Array);
        expect(sha256(data)).toBe(key);
      }
      if (database.dialect === 'sqlite') {
        const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
        expect(rows).toEqual([{ integrity_check: 'ok' }]);
      }
    } finally {
      await database.close();
    }
  });

  it('serves the restored data from a server started on it', async () => {
    restored = await startServer({ env: { DATA_DIR: target.dataDir, ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}) } });
    const api = await signedInFetch(restored, demoAccount.admin);
    expect(contentRangeTotal(await api(`/api/law-firms?range=${encodeURIComponent('[0,0]')}`))).toBe(manifest.tables.law_firms.rows);
    for (const [id, hash] of acknowledged.files) {
      const res = await api(`/api/case-files/${id}/download`);
      expect(res.status).toBe(200);
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(hash);
    }
  });

  it('refuses to restore over a target that holds data, unless --force', async () => {
    await restored?.stop();
    restored = undefined;
    const refused = await runCli('restore', [backupDir], target);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/(已有(数据|文件|数据表)|已存在)：加 --force 覆盖/); // the first thing found there (database, files or seal)
    const forced = await runCli('restore', [backupDir, '--force'], target);
    expect(forced.code, forced.output).toBe(0);
    expect(forced.output).toContain('均与清单一致');
  });
});
