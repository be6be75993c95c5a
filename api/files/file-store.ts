// Where stored bytes live (uploads, issued documents, exports). Content-addressed: the key is the
// SHA-256, so a replacement never overwrites an old version and identical files are stored once.
// Two stores: files under `$DATA_DIR/files` (one machine), or rows of `file_blobs` in the database
// (several API processes on one PostgreSQL see the same files). An S3-compatible store can
// implement the same three methods.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import type { Migration } from '../db/migrate.js';

export interface FileStore {
  /** `trx`: the transaction the caller is in, so that a database store writes in it (and on SQLite's one connection does not wait for it). */
  put(data: Uint8Array, trx?: Kysely<any>): Promise<{ key: string; sha256: string; size: number }>;
  read(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
}

const sha256Of = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

function checkedKey(key: string) {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('bad file key');
  return key;
}

export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  private pathOf(key: string) {
    return path.join(this.dir, key.slice(0, 2), checkedKey(key));
  }

  async put(data: Uint8Array) {
    const sha256 = sha256Of(data);
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Written whole to a temporary name, then renamed: a crash never leaves half a file under the key.
      const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.part`;
      await fs.promises.writeFile(temp, data);
      await fs.promises.rename(temp, target);
    }
    return { key: sha256, sha256, size: data.byteLength };
  }

  async read(key: string) {
    return new Uint8Array(await fs.promises.readFile(this.pathOf(key)));
  }

  async exists(key: string) {
    return fs.existsSync(this.pathOf(key));
  }
}

/** One row per distinct content, written in one statement (so never half a file), in the caller's transaction if any. */
export class DatabaseFileStore implements FileStore {
  constructor(private readonly db: Kysely<any>) {}

  async put(data: Uint8Array, trx?: Kysely<any>) {
    const sha256 = sha256Of(data);
    await (trx ?? this.db).insertInto('file_blobs').values({ key: sha256, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), size: data.byteLength })
      .onConflict((oc) => oc.column('key').doNothing()).execute();
    return { key: sha256, sha256, size: data.byteLength };
  }

  async read(key: string) {
    const row = await this.db.selectFrom('file_blobs').select('data').where('key', '=', checkedKey(key)).executeTakeFirst();
    if (!row) throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
    const data = row.data as Buffer;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }

  async exists(key: string) {
    return Boolean(await this.db.selectFrom('file_blobs').select('key').where('key', '=', checkedKey(key)).executeTakeFirst());
  }
}

export const fileBlobsMigration: Migration = {
  name: 'core/006-file-blobs',
  async up(db, dialect) {
    await db.schema.createTable('file_blobs')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/** The centre's one store, as FILE_STORE chooses (api/config.ts): every plugin that keeps bytes uses it. */
export function centreFileStore({ config, database }: { config: Config; database: Database }): FileStore {
  return config.fileStore === 'database' ? new DatabaseFileStore(database.db) : new LocalFileStore(path.join(config.dataDir, 'files'));
}
