// Copies a content-addressed files directory (`<2 hex>/<sha256>`, see api/files/file-store.ts),
// checking every file's bytes against its key: a copy never carries a damaged file silently.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';

export interface StoredFile {
  key: string;
  size: number;
}

const KEY = /^[0-9a-f]{64}$/;

/** The keys under `dir` (half-written `.part` files and anything else skipped), sorted. */
export function storedKeys(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const keys: string[] = [];
  for (const prefix of fs.readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of fs.readdirSync(path.join(dir, prefix))) if (KEY.test(name) && name.startsWith(prefix)) keys.push(name);
  }
  return keys.sort();
}

export function sha256Of(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Copies each key from `from` to `to`, refusing any whose bytes do not hash to it. */
export async function copyStoredFiles(from: string, to: string, keys: string[]): Promise<StoredFile[]> {
  const copied: StoredFile[] = [];
  for (const key of keys) {
    const source = path.join(from, key.slice(0, 2), key);
    const data = await fs.promises.readFile(source).catch(() => {
      throw new Error(`缺少文件 ${key}`);
    });
    if (sha256Of(data) !== key) throw new Error(`文件 ${key} 已损坏：内容的 SHA-256 与文件名不符`);
    const target = path.join(to, key.slice(0, 2), key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(`${target}.part`, data);
    await fs.promises.rename(`${target}.part`, target);
    copied.push({ key, size: data.byteLength });
  }
  return copied;
}

/**
 * The files kept in the database (table file_blobs, FILE_STORE=database), each checked against
 * its key. Their bytes travel in the database copy; the table's hash in the manifest covers them.
 */
export async function databaseFiles(db: Kysely<any>): Promise<StoredFile[]> {
  const out: StoredFile[] = [];
  for (let after = ''; ;) {
    const rows = await db.selectFrom('file_blobs').select(['key', 'data']).where('key', '>', after).orderBy('key').limit(200).execute();
    if (!rows.length) return out;
    for (const row of rows) {
      const data = new Uint8Array(row.data as Uint8Array);
      if (sha256Of(data) !== row.key) throw new Error(`文件 ${row.key} 已损坏：内容的 SHA-256 与文件名不符`);
      out.push({ key: String(row.key), size: data.byteLength });
    }
    after = String(rows[rows.length - 1].key);
  }
}
