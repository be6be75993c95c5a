// A real Fayuan server for tests that need one over HTTP (browsers, other processes):
// the API as `npm start` runs it (api/start.mjs: compiled, then run by Node), as a child process on
// a free port with a temporary data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The demo accounts' password when DEMO_PASSWORD is not set (api/config.ts). */
export const DEMO_PASSWORD = 'fayuan-demo-2026';
export const demoAccount = {
  admin: 'admin@fayuan.test',
  supervisor: 'supervisor@fayuan.test',
  lawyer: 'lawyer@fayuan.test',
  reviewer: 'reviewer@fayuan.test',
} as const;

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The server's process (worker threads and any processes it starts are under it). */
  pid: number;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
  /** kill -9 of the server and every process under it, as a power cut would; the data directory stays. */
  crash(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment, e.g. { FAYUAN_RATE_LIMIT: 'on' } (rate limiting is off unless asked for). */
  env?: Record<string, string>;
  /** How long to wait for /api/health (the first start migrates and loads the demo centre). */
  timeoutMs?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The process and all its descendants, the deepest first (Linux /proc). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs.readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return []; // gone already
  }
  return [...children.flatMap(processTree), pid];
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    const status = fs.existsSync(`/proc/${p}/status`) ? fs.readFileSync(`/proc/${p}/status`, 'utf8') : '';
    return sum + Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }, 0);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-server-'));
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'api', 'start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PUBLIC_URL: url,
      FAYUAN_RATE_LIMIT: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const crash = async () => {
    for (const pid of processTree(child.pid!)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exited(child);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited (${child.exitCode}) before answering:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, port, dataDir, pid: child.pid!, output: () => output, stop, crash };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within ${options.timeoutMs ?? 90_000} ms:\n${output}`);
}

/** Signs a demo account in over HTTP; answers a fetch that carries its session cookie. */
export async function signedInFetch(server: RunningServer, email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { Origin: server.url, ...init.headers, Cookie: cookie } });
}

/** The total after the slash of a Content-Range header (ra-data-simple-rest's count). */
export function contentRangeTotal(response: Response): number {
  return Number(response.headers.get('content-range')?.split('/').pop());
}
