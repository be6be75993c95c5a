// Where stored bytes live (uploads, issued documents, exports). Content-addressed: the key is the
// SHA-256, so a replacement never overwrites an old version and identical files are stored once.
// An S3-compatible store can implement the same three methods.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FileStore {
  put(data: Uint8Array): Promise<{ key: string; sha256: string; size: number }>;
  read(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
}

export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  private pathOf(key: string) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('bad file key');
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(data: Uint8Array) {
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
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

/** The centre's one store, under `$DATA_DIR/files`: every plugin that keeps bytes uses it. */
export function centreFileStore(dataDir: string): FileStore {
  return new LocalFileStore(path.join(dataDir, 'files'));
}
