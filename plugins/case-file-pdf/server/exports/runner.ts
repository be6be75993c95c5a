// The batch export jobs: rows of case-file-exports, which any API process on the database may run
// (one at a time per process) under a lease it renews (api/jobs/job-leases.ts). The main thread
// gathers each case from the database as the requester may see it; the render pool's worker
// threads draw the PDFs; the ZIP goes to the file store. Progress is written to the row (at most
// once a second), so a reloaded page finds it; a cancelled row stops the job before its next case.
// Every few seconds each process looks for queued jobs (made by any process) and for running ones
// whose lease ran out (their process died): those are queued again and run from their first case
// (the ZIP was only in memory).
import { Buffer } from 'node:buffer';
import { buffer } from 'node:stream/consumers';
import yazl from 'yazl';
import { ApiError, centreFileStore, JobLeases, type Actor, type PluginContext, type Row } from '../../../../api/plugin-kit.js';
import { gatherCaseFile } from '../gather.js';
import { RenderPool } from './render-pool.js';

const PROGRESS_EVERY_MS = 1000;
export const exportWorkers = () => Math.max(1, Number(process.env.FAYUAN_EXPORT_WORKERS) || 2);

const fileNameOf = (caseNumber: string, id: number) => `${(caseNumber || `case-${id}`).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.pdf`;

export class ExportRunner {
  private active: Promise<void> | null = null;
  private poller: NodeJS.Timeout | null = null;
  readonly leases: JobLeases;

  constructor(private readonly ctx: PluginContext) {
    this.leases = new JobLeases({ records: ctx.records, resource: () => ctx.resource('case-file-exports'), actorOf: (job) => this.actorOf(job), leaseMs: ctx.config.jobLeaseMs });
  }

  private actorOf(job: Row): Actor {
    return { id: String(job.requesterId), email: String(job.requesterEmail), role: String(job.requesterRole), lawyerId: job.requesterLawyerId == null ? null : Number(job.requesterLawyerId) };
  }

  private async status(id: number): Promise<string> {
    const row = await this.ctx.database.db.selectFrom('case_file_exports').select('status').where('id', '=', id).executeTakeFirst();
    return String(row?.status);
  }

  /** At start-up and then every third of a lease: jobs whose process died are queued again, and the queue runs. */
  async recover() {
    await this.poll();
    if (this.poller) return;
    this.poller = setInterval(() => void this.poll(), Math.max(500, Math.floor(this.ctx.config.jobLeaseMs / 3)));
    this.poller.unref();
    // A job in hand when the process stops is not waited for: its lease runs out and another process takes it.
    this.ctx.database.onClose(async () => {
      if (this.poller) clearInterval(this.poller);
      this.poller = null;
    });
  }

  private async poll() {
    try {
      await this.leases.requeueExpired({ done: 0, message: '原执行进程已停止，重新开始导出' });
      this.kick();
    } catch (error) {
      console.error('case-file exports:', error);
    }
  }

  /** Starts working through the queue unless already at it. */
  kick() {
    this.active ??= this.drain().catch((error) => console.error('case-file exports:', error)).finally(() => { this.active = null; });
  }

  /** Resolves once this process has no job in hand (for tests and shutdown). */
  async idle() {
    while (this.active) await this.active;
  }

  private async drain() {
    const pool = new RenderPool(exportWorkers());
    try {
      for (;;) {
        const job = await this.leases.claimNext({ done: 0 });
        if (!job) return;
        await this.run(job, pool);
      }
    } finally {
      await pool.close();
    }
  }

  private async run(job: Row, pool: RenderPool) {
    let lost = false;
    const renewal = setInterval(() => {
      this.leases.renew(job).then((held) => { if (!held) lost = true; }, (error) => console.error(`case-file export ${job.id}: lease renewal:`, error));
    }, Math.max(250, Math.floor(this.ctx.config.jobLeaseMs / 3)));
    try {
      await this.render(job, pool, () => lost);
    } finally {
      clearInterval(renewal);
    }
  }

  /** `lost`: whether the lease went (cancelled, or taken over): then the job stops before its next case. */
  private async render(job: Row, pool: RenderPool, lost: () => boolean) {
    const actor = this.actorOf(job);
    const ids = JSON.parse(String(job.ids)) as number[];
    const zip = new yazl.ZipFile();
    const zipped = buffer(zip.outputStream);
    const skipped: string[] = [];
    const names = new Set<string>();
    let done = 0;
    let reported = Date.now();
    let cancelled = false;
    try {
      // Two cases in flight per worker: one drawing, one being gathered.
      let next = 0;
      const lane = async () => {
        while (next < ids.length && !cancelled) {
          const id = ids[next++];
          if (lost() || (await this.status(Number(job.id))) !== 'running') {
            cancelled = true;
            return;
          }
          try {
            const { data, attachments } = await gatherCaseFile(this.ctx, id, actor);
            const pdf = await pool.render(data, attachments);
            let name = fileNameOf(data.caseNumber, id);
            if (names.has(name)) name = name.replace(/\.pdf$/, `-${id}.pdf`);
            names.add(name);
            zip.addBuffer(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), name);
          } catch (error) {
            if (!(error instanceof ApiError)) console.error(`case-file export ${job.id}, case ${id}:`, error);
            skipped.push(`${id}\t${error instanceof ApiError ? error.label.zh : '生成失败'}`);
          }
          done++;
          if (Date.now() - reported >= PROGRESS_EVERY_MS) {
            reported = Date.now();
            if (!(await this.leases.update(job, 'progress', { done }))) cancelled = true;
          }
        }
      };
      await Promise.all(Array.from({ length: pool.size * 2 }, lane));
      if (cancelled) {
        zip.end();
        return;
      }
      if (skipped.length) zip.addBuffer(Buffer.from(`未能导出的案件（案件编号\t原因）\n${skipped.join('\n')}\n`), '未导出.txt');
      zip.end();
      const stored = await centreFileStore(this.ctx).put(await zipped);
      await this.leases.update(job, 'finish', { status: 'done', done, skipped: skipped.length, sha256: stored.sha256, size: stored.size, finishedAt: new Date().toISOString() });
    } catch (error) {
      console.error(`case-file export ${job.id}:`, error);
      await this.leases.update(job, 'fail', { status: 'failed', done, message: '导出失败，请重试', finishedAt: new Date().toISOString() });
    }
  }
}

const runners = new WeakMap<PluginContext, ExportRunner>();

/** The one runner of an app (its routes and its start hook share it). */
export function exportRunner(ctx: PluginContext): ExportRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = new ExportRunner(ctx);
    runners.set(ctx, runner);
  }
  return runner;
}
