// The batch export jobs: rows of case-file-exports, run one at a time in this process. The main
// thread gathers each case from the database as the requester may see it; the render pool's
// worker threads draw the PDFs; the ZIP goes to the file store. Progress is written to the row
// (at most once a second), so a reloaded page finds it; a cancelled row stops the job before its
// next case. At start-up a job left `running` by a stopped server is queued again and runs from
// its first case (the ZIP was only in memory).
import { Buffer } from 'node:buffer';
import yazl from 'yazl';
import { ApiError, centreFileStore, type Actor, type PluginContext, type Row } from '../../../../api/plugin-kit.js';
import { gatherCaseFile } from '../gather.js';
import { RenderPool } from './render-pool.js';

const PROGRESS_EVERY_MS = 1000;
export const exportWorkers = () => Math.max(1, Number(process.env.FAYUAN_EXPORT_WORKERS) || 2);

const fileNameOf = (caseNumber: string, id: number) => `${(caseNumber || `case-${id}`).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.pdf`;

export class ExportRunner {
  private active: Promise<void> | null = null;

  constructor(private readonly ctx: PluginContext) {}

  private get exports() {
    return this.ctx.resource('case-file-exports');
  }

  private actorOf(job: Row): Actor {
    return { id: String(job.requesterId), email: String(job.requesterEmail), role: String(job.requesterRole), lawyerId: job.requesterLawyerId == null ? null : Number(job.requesterLawyerId) };
  }

  private async status(id: number): Promise<string> {
    const row = await this.ctx.database.db.selectFrom('case_file_exports').select('status').where('id', '=', id).executeTakeFirst();
    return String(row?.status);
  }

  /** Moves a job on, unless it was cancelled meanwhile (then nothing changes and false is said). */
  private async set(job: Row, action: string, columns: Row, from: string[] = ['queued', 'running']): Promise<boolean> {
    try {
      await this.ctx.records.change(this.exports, Number(job.id), this.actorOf(job), {
        action,
        plan: (current) => {
          if (!from.includes(String(current.status))) throw new ApiError(409, { zh: '导出已结束', en: 'The export has ended' });
          return columns;
        },
      });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return false;
      throw error;
    }
  }

  /** Jobs a stopped server left running are queued again; then the queue runs. */
  async recover() {
    const stale = await this.ctx.database.db.selectFrom('case_file_exports').selectAll().where('status', '=', 'running').execute();
    for (const job of stale) await this.set(job, 'resume', { status: 'queued', done: 0, message: '服务重启后重新开始导出' }, ['running']);
    this.kick();
  }

  /** Starts working through the queue unless already at it. */
  kick() {
    this.active ??= this.drain().catch((error) => console.error('case-file exports:', error)).finally(() => { this.active = null; });
  }

  /** Resolves once the queue is empty (for tests and shutdown). */
  async idle() {
    while (this.active) await this.active;
  }

  private async drain() {
    const pool = new RenderPool(exportWorkers());
    try {
      for (;;) {
        const job = await this.ctx.database.db.selectFrom('case_file_exports').selectAll().where('status', '=', 'queued').orderBy('id').executeTakeFirst();
        if (!job) return;
        await this.run(job, pool);
      }
    } finally {
      await pool.close();
    }
  }

  private async run(job: Row, pool: RenderPool) {
    if (!(await this.set(job, 'start', { status: 'running', done: 0 }, ['queued']))) return;
    const actor = this.actorOf(job);
    const ids = JSON.parse(String(job.ids)) as number[];
    const zip = new yazl.ZipFile();
    const chunks: Buffer[] = [];
    const zipped = new Promise<Buffer>((resolve, reject) => {
      zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    });
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
          if ((await this.status(Number(job.id))) !== 'running') {
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
            if (!(await this.set(job, 'progress', { done }, ['running']))) cancelled = true;
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
      await this.set(job, 'finish', { status: 'done', done, skipped: skipped.length, sha256: stored.sha256, size: stored.size, finishedAt: new Date().toISOString() }, ['running']);
    } catch (error) {
      console.error(`case-file export ${job.id}:`, error);
      await this.set(job, 'fail', { status: 'failed', done, message: '导出失败，请重试', finishedAt: new Date().toISOString() }, ['running']);
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
