// The file stores (api/files/file-store.ts): files under DATA_DIR/files, or rows of file_blobs in
// the database, chosen by FILE_STORE (default: database on PostgreSQL, local on SQLite). Both
// stores on the database under test, and an upload through the case-files plugin on the store
// that is not this database's default.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../api/config.js';
import { centreFileStore, DatabaseFileStore, LocalFileStore, type FileStore } from '../api/files/file-store.js';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';
import { newCase, pdf, uploadOk } from '../plugins/case-files/test/support.js';

describe('FILE_STORE', () => {
  it('defaults to the database on PostgreSQL and to local files on SQLite', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).fileStore).toBe('database');
    expect(readConfig({}).fileStore).toBe('local');
    expect(readConfig({ FILE_STORE: 'database' }).fileStore).toBe('database');
    expect(readConfig({ DATABASE_URL: 'postgres://u@h:5432/db', FILE_STORE: 'local' }).fileStore).toBe('local');
  });

  it('refuses any other value at start-up', () => {
    expect(() => readConfig({ FILE_STORE: 's3' })).toThrow(/FILE_STORE/);
  });
});

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5 });
});
afterAll(async () => {
  await t?.close();
});

const stores: [string, () => FileStore][] = [
  ['database', () => new DatabaseFileStore(t.database.db)],
  ['local', () => new LocalFileStore(path.join(t.fayuan.context.config.dataDir, 'files'))],
];

describe.each(stores)('the %s store', (_, storeOf) => {
  it('gives back the very bytes it was given, under their SHA-256', async () => {
    const data = new Uint8Array(crypto.randomBytes(300_000));
    data[0] = 0; // a NUL and every byte value survive
    const stored = await storeOf().put(data);
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    expect(stored.key).toBe(stored.sha256);
    expect(stored.size).toBe(data.byteLength);
    expect(await storeOf().exists(stored.key)).toBe(true);
    expect(Buffer.from(await storeOf().read(stored.key)).equals(Buffer.from(data))).toBe(true);
  });

  it('keeps identical content once, and an empty file too', async () => {
    const data = new TextEncoder().encode(`同一份材料 ${Math.random()}`);
    const [a, b] = [await storeOf().put(data), await storeOf().put(new Uint8Array(data))];
    expect(a.key).toBe(b.key);
    const empty = await storeOf().put(new Uint8Array(0));
    expect((await storeOf().read(empty.key)).byteLength).toBe(0);
  });

  it('says a key it never stored does not exist, and reading it fails', async () => {
    const missing = 'f'.repeat(64);
    expect(await storeOf().exists(missing)).toBe(false);
    await expect(storeOf().read(missing)).rejects.toThrow();
  });

  it('refuses a key that is not a SHA-256 (no path or SQL in a key)', async () => {
    for (const key of ['../../etc/passwd', `${'a'.repeat(63)}'`, 'A'.repeat(64), '']) {
      await expect(storeOf().read(key)).rejects.toThrow(/bad file key/);
      await expect(storeOf().exists(key)).rejects.toThrow(/bad file key/);
    }
  });
});

describe('the centre\'s store, as configured, through the case-files plugin', () => {
  let other: TestFayuan;
  const notDefault = () => (t.dialect === 'postgres' ? 'local' : 'database');
  beforeAll(async () => {
    other = await startTestFayuan({ cases: 5, plugins: ['case-files'], env: { FILE_STORE: notDefault() } });
  });
  afterAll(async () => {
    await other?.close();
  });

  it('stores an upload where FILE_STORE says, and downloads it byte-identical', async () => {
    expect(other.fayuan.context.config.fileStore).toBe(notDefault());
    const caseId = await newCase(other, { caseType: 'civil' });
    const data = pdf('放在所选存储中的材料');
    const uploaded = await uploadOk(other, 'lawyer', caseId, 'evidence', '证据.pdf', data);
    const download = await other.api('lawyer', `/api/case-files/${uploaded.id}/download`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(data))).toBe(true);

    const blobs = await other.database.db.selectFrom('file_blobs').select(['key', 'size']).where('key', '=', uploaded.sha256).execute();
    const onDisk = fs.existsSync(path.join(other.fayuan.context.config.dataDir, 'files', uploaded.sha256.slice(0, 2), uploaded.sha256));
    if (notDefault() === 'database') {
      expect(blobs.map((b) => Number(b.size))).toEqual([data.byteLength]);
      expect(onDisk).toBe(false);
    } else {
      expect(blobs).toEqual([]);
      expect(onDisk).toBe(true);
    }
    expect(await centreFileStore(other.fayuan.context).exists(uploaded.sha256)).toBe(true);
  });
});
