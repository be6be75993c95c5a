// kill -9 of the server while 50 signed-in clients create law firms and update cases and 5 upload
// case files; restarted on the same data, it has every write it answered 2xx (ids and values), every
// file it accepted downloads with its SHA-256, and on SQLite `PRAGMA integrity_check` is ok.
// CRASH_ROUNDS (default 1) crashes and restarts that many times; CRASH_WRITE_MS (default 3000) is
// how long at least the clients write before each crash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/connect.js';
import { casesInProgress, json, pdfItemKey, uploadPdf, type ApiFetch } from '../support/case-uploads.js';
import { createDatabase, dropDatabase } from '../support/pg-database.js';
import { pdfFile } from '../support/pdf-file.js';
import { demoAccount, signedInFetch, startServer, type RunningServer } from '../support/server.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
const WRITE_MS = Number(process.env.CRASH_WRITE_MS ?? 3_000);
const WRITERS = 50;
const UPLOADERS = 5;

const pgAdmin = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');
const data = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-crash-')), databaseUrl: undefined as string | undefined };
const serverEnv = () => ({ DATA_DIR: data.dataDir, ...(data.databaseUrl ? { DATABASE_URL: data.databaseUrl } : {}) });
let server: RunningServer | undefined;

beforeAll(async () => {
  if (pgAdmin) data.databaseUrl = await createDatabase(pgAdmin, 'crash');
  server = await startServer({ env: serverEnv() });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (pgAdmin && data.databaseUrl) await dropDatabase(pgAdmin, data.databaseUrl);
  fs.rmSync(data.dataDir, { recursive: true, force: true });
});

/** What the server answered 2xx, and the write each case's client had in flight when it died. */
const acknowledged = {
  firms: new Map<number, string>(),
  files: new Map<number, string>(),
  /** Per case: the last value answered 200, and the one sent after it that got no answer. */
  cases: new Map<number, { answered?: string; unanswered?: string }>(),
  statuses: [] as number[],
};

/** fetch's error when the server died before or while answering. */
const isConnectionLost = (error: unknown) => error instanceof TypeError && error.message === 'fetch failed';

/** Writes until the server stops answering; a refusal (4xx/5xx) is recorded as a failure. */
async function writer(api: ApiFetch, round: number, client: number, { id: caseId, causeOfAction }: { id: number; causeOfAction?: unknown }) {
  const mine = acknowledged.cases.get(caseId) ?? { answered: causeOfAction as string | undefined };
  acknowledged.cases.set(caseId, mine);
  try {
    for (let n = 0; ; n++) {
      if (n % 2 === 0) {
        const name = `崩溃测试律所 ${round}-${client}-${n}`;
        const res = await api('/api/law-firms', { method: 'POST', headers: json, body: JSON.stringify({ name }) });
        acknowledged.statuses.push(res.status);
        if (res.status === 201) acknowledged.firms.set((await res.json()).id, name);
      } else {
        const value = `崩溃测试案由 ${round}-${client}-${n}`;
        mine.unanswered = value;
        const res = await api(`/api/cases/${caseId}`, { method: 'PUT', headers: json, body: JSON.stringify({ causeOfAction: value }) });
        acknowledged.statuses.push(res.status);
        await res.arrayBuffer();
        if (res.status === 200) mine.answered = value;
        mine.unanswered = undefined;
      }
    }
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
  }
}

async function uploader(api: ApiFetch, round: number, client: number, caseId: number, itemKey: string) {
  try {
    for (let n = 0; ; n++) {
      // Tens of kilobytes each, so that a crash can land in the middle of one.
      const bytes = pdfFile(`crash ${round} ${client} ${n}`, 'x'.repeat(40_000 + n));
      const res = await uploadPdf(api, caseId, itemKey, bytes, `crash-${round}-${client}-${n}.pdf`);
      acknowledged.statuses.push(res.status);
      if (res.status === 201) {
        const [file] = await res.json();
        expect(file.sha256).toBe(sha256(bytes));
        acknowledged.files.set(file.id, file.sha256);
      }
    }
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
  }
}

describe(`kill -9 under load (${ROUNDS} round${ROUNDS > 1 ? 's' : ''} of ${WRITE_MS} ms)`, { timeout: 60_000 + ROUNDS * (WRITE_MS + 60_000) }, () => {
  it('keeps every write and upload it answered 2xx, and a sound database, after each restart', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const running = server!;
      const api = await signedInFetch(running, demoAccount.admin);
      const cases = await casesInProgress(api, WRITERS + UPLOADERS);
      expect(cases.length).toBe(WRITERS + UPLOADERS);
      const items = await Promise.all(cases.slice(WRITERS).map(({ id }) => pdfItemKey(api, id)));
      const clients = [
        ...cases.slice(0, WRITERS).map((row, i) => writer(api, round, i, row)),
        ...items.map((itemKey, i) => uploader(api, round, i, cases[WRITERS + i].id, itemKey)),
      ];
      const filesBefore = acknowledged.files.size;
      const firmsBefore = acknowledged.firms.size;
      // At least WRITE_MS, and until every uploader has had an upload answered (a loaded machine is slow).
      const started = Date.now();
      while (Date.now() - started < WRITE_MS || (acknowledged.files.size - filesBefore < UPLOADERS && Date.now() - started < 30_000)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await running.crash();
      await Promise.all(clients);
      await running.stop(); // removes only the directory the helper made, not the data
      expect(acknowledged.statuses.filter((s) => s >= 300)).toEqual([]);
      expect(acknowledged.firms.size - firmsBefore, 'law firms created before the crash').toBeGreaterThan(WRITERS);
      expect(acknowledged.files.size - filesBefore, 'files uploaded before the crash').toBeGreaterThanOrEqual(UPLOADERS);

      server = await startServer({ env: serverEnv() });
      await expectEveryAcknowledgedWrite(server);
    }
  });
});

async function expectEveryAcknowledgedWrite(restarted: RunningServer) {
  const database = openDatabase(data);
  try {
    if (database.dialect === 'sqlite') {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
      expect(rows).toEqual([{ integrity_check: 'ok' }]);
    }
    const firms = await database.db.selectFrom('law_firms').select(['id', 'name']).where('id', 'in', [...acknowledged.firms.keys()]).execute();
    expect(new Map(firms.map((f) => [f.id, f.name]))).toEqual(acknowledged.firms);
    const cases = await database.db.selectFrom('cases').select(['id', 'causeOfAction']).where('id', 'in', [...acknowledged.cases.keys()]).execute();
    for (const row of cases) {
      const { answered, unanswered } = acknowledged.cases.get(row.id)!;
      // The last answered value, or the one in flight when the server died, if it committed first.
      expect([answered ?? null, unanswered], `case ${row.id}`).toContain(row.causeOfAction);
    }
    const files = await database.db.selectFrom('case_files').select(['id', 'sha256']).where('id', 'in', [...acknowledged.files.keys()]).execute();
    expect(new Map(files.map((f) => [f.id, f.sha256]))).toEqual(acknowledged.files);
  } finally {
    await database.close();
  }
  const api = await signedInFetch(restarted, demoAccount.admin);
  for (const [id, hash] of acknowledged.files) {
    const res = await api(`/api/case-files/${id}/download`);
    expect(res.status, `file ${id}`).toBe(200);
    expect(sha256(new Uint8Array(await res.arrayBuffer())), `file ${id}`).toBe(hash);
  }
}
