// Everything the operator sets, read once from the environment.
import path from 'node:path';

export const DEFAULT_DEMO_PASSWORD = 'fayuan-demo-2026';
const DEFAULT_SECRET = 'fayuan-development-secret-change-me-in-production';

export interface Config {
  port: number;
  production: boolean;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema to work in (default: the connection's search_path, normally `public`). */
  databaseSchema?: string;
  publicUrl: string;
  trustedOrigins: string[];
  authSecret: string;
  demoPassword: string;
  /** Load demo data and accounts into an empty database. */
  demo: boolean;
  rateLimit: boolean;
  /** Keep signed-in sessions in memory between requests (auth/session.ts); off only to measure it. */
  sessionCache: boolean;
  /** Where stored files live (api/files/file-store.ts): rows in the database, or files under DATA_DIR/files. */
  fileStore: 'database' | 'local';
  /** How long a background job's lease lasts without renewal before another process may take the job over (api/jobs/job-leases.ts). */
  jobLeaseMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const production = env.NODE_ENV === 'production';
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const databaseUrl = env.DATABASE_URL || undefined;
  const databaseSchema = env.DATABASE_SCHEMA || undefined;
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) throw new Error(`DATABASE_SCHEMA must be a plain lower-case name, not ${databaseSchema}.`);
  const fileStore = env.FILE_STORE || (databaseUrl?.startsWith('postgres') ? 'database' : 'local');
  if (fileStore !== 'database' && fileStore !== 'local') throw new Error(`FILE_STORE must be database or local, not ${fileStore}.`);
  const config: Config = {
    port,
    production,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    databaseSchema,
    publicUrl,
    trustedOrigins: production ? [publicUrl] : [publicUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
    authSecret: env.BETTER_AUTH_SECRET ?? DEFAULT_SECRET,
    demoPassword: env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    demo: env.FAYUAN_DEMO !== 'off' && !production,
    rateLimit: env.FAYUAN_RATE_LIMIT !== 'off',
    sessionCache: env.FAYUAN_SESSION_CACHE !== 'off',
    fileStore,
    jobLeaseMs: Math.max(1000, Number(env.FAYUAN_JOB_LEASE_MS) || 15_000),
  };
  if (production) {
    if (!env.BETTER_AUTH_SECRET || config.authSecret === DEFAULT_SECRET || config.authSecret.length < 32) {
      throw new Error('NODE_ENV=production needs BETTER_AUTH_SECRET (at least 32 characters, not the default).');
    }
    if (!env.PUBLIC_URL) throw new Error('NODE_ENV=production needs PUBLIC_URL (the console\'s address, e.g. https://fayuan.example.org).');
  }
  return config;
}
