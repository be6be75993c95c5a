// Worker threads that render case files, so the main thread keeps answering requests (and, in a
// batch, both cores draw while it reads the database and writes the ZIP). Started on first use;
// `close()` ends them, and so does `idleMs` without work. The worker runs the renderer in this
// module's language: TypeScript from sources, JavaScript when compiled.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CaseFileAttachment, CaseFileData } from '../case-file-data.js';

/**
 * A render makes over a hundred MB of short-lived objects (layout trees, glyph runs): with V8's
 * default young generation (16 MB semi-spaces) a 10-page case file took ~7 scavenges and ~42 ms of
 * GC; with 64 MB semi-spaces (192 MB young generation) ~2 and ~27 ms, and a one-worker batch ran
 * ~6 → ~7 files/s, for ~60 MB more peak RSS per worker.
 */
const YOUNG_GENERATION_MB = 192;

interface Pending {
  resolve(pdf: Uint8Array<ArrayBuffer>): void;
  reject(error: Error): void;
}

export class RenderPool {
  private workers: { worker: Worker; busy: boolean }[] = [];
  private waiting: { message: { data: CaseFileData; attachments: CaseFileAttachment[] }; pending: Pending }[] = [];
  private pending = new Map<number, Pending & { slot: { worker: Worker; busy: boolean } }>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  /** `idleMs`: workers left without work this long are ended (a worker holds ~150 MB); none: kept until `close()`. */
  constructor(readonly size: number, private readonly idleMs?: number) {}

  /** Worker threads running now. */
  get workerCount(): number {
    return this.workers.length;
  }

  render(data: CaseFileData, attachments: CaseFileAttachment[]): Promise<Uint8Array<ArrayBuffer>> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return new Promise((resolve, reject) => {
      this.waiting.push({ message: { data, attachments }, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private start() {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL(`./render-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // React's production build, whatever the server runs under (NODE_ENV=production means more
      // to the server, see config.ts): the development build's checks made a 10-page case file
      // ~10% slower (126 → 111 ms warm median).
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const slot = { worker, busy: false };
    worker.on('message', ({ id, pdf, error }: { id: number; pdf?: Uint8Array<ArrayBuffer>; error?: string }) => {
      const job = this.pending.get(id);
      if (!job) return;
      this.pending.delete(id);
      slot.busy = false;
      if (error || !pdf) job.reject(new Error(error ?? 'no PDF'));
      else job.resolve(pdf);
      this.dispatch();
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => { if (code !== 0) this.fail(slot, new Error(`render worker exited with ${code}`)); });
    this.workers.push(slot);
    return slot;
  }

  /** A dead worker's jobs fail; the next render starts a new one. */
  private fail(slot: { worker: Worker; busy: boolean }, error: Error) {
    this.workers = this.workers.filter((w) => w !== slot);
    for (const [id, job] of this.pending) {
      if (job.slot === slot) {
        this.pending.delete(id);
        job.reject(error);
      }
    }
    this.dispatch();
  }

  private dispatch() {
    if (this.idleMs !== undefined && !this.waiting.length && !this.pending.size && this.workers.length && !this.idleTimer) {
      // A new render clears the timer, so when it fires the pool is still without work.
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref();
    }
    while (this.waiting.length) {
      const slot = this.workers.find((w) => !w.busy) ?? (this.workers.length < this.size ? this.start() : undefined);
      if (!slot) return;
      const { message, pending } = this.waiting.shift()!;
      const id = this.nextId++;
      slot.busy = true;
      this.pending.set(id, { ...pending, slot });
      slot.worker.postMessage({ id, ...message });
    }
  }

  async close() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
