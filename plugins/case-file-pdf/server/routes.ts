// The case file as one PDF, and the batch exports, all under the reader's row rules and masks.
import { Hono } from 'hono';
import { ApiError, badInput, centreFileStore, isDbId, jsonBody, recordId, type AppEnv, type PluginContext } from '../../../api/plugin-kit.js';
import { gatherCaseFile } from './gather.js';
import { exportRunner } from './exports/runner.js';
import { RenderPool } from './exports/render-pool.js';

/** How long the single-file renderer's worker stays up after its last case file. */
const SINGLE_FILE_WORKER_IDLE_MS = 5 * 60_000;

/** At most this many cases in one batch. */
export const MAX_BATCH = 1000;

const disposition = (inline: boolean, asciiName: string, name: string) =>
  `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function caseFilePdfRoutes(ctx: PluginContext) {
  const { records } = ctx;
  const exports = () => ctx.resource('case-file-exports');
  const runner = exportRunner(ctx);
  // A case file takes a few hundred ms to draw: in a worker thread, so other requests are not kept waiting meanwhile.
  const renderer = new RenderPool(1, SINGLE_FILE_WORKER_IDLE_MS);
  ctx.database.onClose(() => renderer.close());

  return new Hono<AppEnv>()
    .get('/cases/:id/case-file.pdf', async (c) => {
      const id = recordId(c);
      const { data, attachments } = await gatherCaseFile(ctx, id, c.var.actor);
      const pdf = await renderer.render(data, attachments);
      return new Response(pdf, {
        headers: {
          'content-type': 'application/pdf',
          'content-length': String(pdf.byteLength),
          'content-disposition': disposition(c.req.query('download') !== '1', `case-file-${id}.pdf`, `卷宗${data.caseNumber}.pdf`),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        },
      });
    })
    .post('/case-file-exports', async (c) => {
      const actor = c.var.actor;
      // A role that could not follow or download its export may not start one (a reviewer exports single files only).
      const readers: Record<string, unknown> = exports().access?.read ?? {};
      if (!readers[actor.role]) {
        throw new ApiError(403, { zh: '无权批量导出卷宗', en: 'You may not start a batch export' });
      }
      const body = await jsonBody(c);
      let ids: number[];
      let filter: Record<string, unknown> | null = null;
      if (body.ids !== undefined) {
        if (!Array.isArray(body.ids) || !body.ids.length || body.ids.length > MAX_BATCH || !body.ids.every(isDbId)) {
          throw badInput({ ids: { zh: `请选择 1 至 ${MAX_BATCH} 个案件`, en: `Choose 1 to ${MAX_BATCH} cases` } });
        }
        // Only the cases the requester may read: the others would be refused one by one anyway.
        const { rows } = await records.list(ctx.resource('cases'), { filter: { id: body.ids }, sort: ['id', 'ASC'], range: [0, MAX_BATCH - 1] }, actor);
        ids = rows.map((r) => Number(r.id));
      } else if (body.filter && typeof body.filter === 'object' && !Array.isArray(body.filter)) {
        filter = body.filter as Record<string, unknown>;
        const { rows, total } = await records.list(ctx.resource('cases'), { filter, sort: ['id', 'ASC'], range: [0, MAX_BATCH - 1] }, actor);
        if (total > MAX_BATCH) throw badInput({ filter: { zh: `筛选结果有 ${total} 个案件，一次最多导出 ${MAX_BATCH} 个，请缩小范围`, en: `${total} cases match; at most ${MAX_BATCH} an export` } });
        ids = rows.map((r) => Number(r.id));
      } else {
        throw badInput({ ids: { zh: '请选择案件或使用列表的筛选条件', en: 'Give ids or a filter' } });
      }
      if (!ids.length) throw badInput({ ids: { zh: '没有可导出的案件', en: 'No case to export' } });
      const job = await records.insert(exports(), {
        filter: filter ? JSON.stringify(filter) : null, ids: JSON.stringify(ids), status: 'queued', done: 0, total: ids.length, skipped: 0,
        requesterId: actor.id, requesterEmail: actor.email, requesterRole: actor.role, requesterLawyerId: actor.lawyerId,
      }, actor);
      runner.kick();
      return c.json(await records.get(exports(), Number(job.id), actor), 201);
    })
    .post('/case-file-exports/:id/cancel', async (c) => {
      const actor = c.var.actor;
      const id = recordId(c);
      await records.loadForAction(exports(), id, actor, 'cancel');
      const cancelled = await records.change(exports(), id, actor, {
        action: 'cancel',
        plan: (job) => {
          if (!['queued', 'running'].includes(String(job.status))) {
            throw new ApiError(409, { zh: '导出已结束，不能取消', en: 'The export has already ended' });
          }
          return { status: 'cancelled', finishedAt: new Date().toISOString() };
        },
      });
      return c.json(cancelled);
    })
    .get('/case-file-exports/:id/download', async (c) => {
      const job = await records.get(exports(), recordId(c), c.var.actor);
      if (job.status !== 'done' || !job.sha256) throw new ApiError(409, { zh: '导出尚未完成', en: 'The export is not done yet' });
      const zip = await centreFileStore(ctx).read(String(job.sha256));
      return new Response(Buffer.from(zip), {
        headers: {
          'content-type': 'application/zip',
          'content-length': String(zip.byteLength),
          'content-disposition': disposition(false, `case-files-${job.id}.zip`, `卷宗批量导出-${job.id}.zip`),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        },
      });
    });
}
