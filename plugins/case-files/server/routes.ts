// The checklist of a case, uploads against its items, and downloads, all under the case's own row rules.
import { Hono } from 'hono';
import {
  allowLargerBody, ApiError, badInput, describeRoute, idParameter, isDbId, jsonOfSchema, loadSettings, recordId, refusalsOf, type AppEnv, type FileStore, type PluginContext,
  readerView, redactValue,
} from '../../../api/plugin-kit.js';
import { checklistOf, templateForCase } from './checklist.js';
import { fileKinds, sniffKind } from './sniff.js';

const CLOSED = ['closed', 'archived', 'terminated', 'rejected'];

/** RFC 6266/8187: an ASCII fallback and the UTF-8 name. */
function contentDisposition(inline: boolean, name: string) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Characters that reorder or hide text: 「证据\u202Efdp.exe」 would show as 「证据exe.pdf」. */
const bidiControls = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** A name to show and to offer on download; never a path, never one that displays as another. */
function checkFileName(name: string) {
  const bad = !name || name.length > 200 || /[\\/\u0000-\u001f\u007f]/.test(name) || bidiControls.test(name) || name === '.' || name === '..';
  if (bad) throw badInput({ file: { zh: `文件名「${name.slice(0, 60).replace(new RegExp(bidiControls.source, 'g'), '')}」不合规：不能含路径、“..”、控制字符或文字方向控制字符，且不超过 200 字`, en: 'The file name must not contain a path, "..", or control or text-direction characters' } });
}

export function caseFileRoutes(ctx: PluginContext, store: FileStore) {
  const { records } = ctx;
  const { db } = ctx.database;
  const cases = () => ctx.resource('cases');
  const files = () => ctx.resource('case-files');

  return new Hono<AppEnv>()
    .get('/cases/:id/checklist', describeRoute({
      tags: ['case-files'],
      summary: "The case's checklist with its current files and progress",
      parameters: [idParameter],
      responses: { 200: { description: 'Checklist' }, ...refusalsOf(404) },
    }), async (c) => {
      const checklist = await checklistOf(db, await records.get(cases(), recordId(c), c.var.actor), ctx.contributions);
      // The files as their register shows them to the reader: who uploaded them withheld, hidden words
      // (a blind round's lawyer and firm) replaced in their names.
      const view = await readerView(files(), c.var.actor, db);
      if (!view.withheld.has('uploadedBy') && !view.redaction) return c.json(checklist);
      const words = view.redaction?.wordsOf({ caseId: checklist.caseId }) ?? [];
      const seen = <T extends object>(f: T) => redactValue(view.withheld.has('uploadedBy') ? { ...f, uploadedBy: null } : f, words) as T;
      return c.json({ ...checklist, items: checklist.items.map((item) => ({ ...item, files: item.files.map(seen) })) });
    })
    .post('/cases/:id/files', describeRoute({
      tags: ['case-files'],
      summary: 'Upload files (multipart: itemKey, file…, optional replaces=<file id>)',
      parameters: [idParameter],
      requestBody: {
        content: { 'multipart/form-data': { schema: { type: 'object', required: ['itemKey', 'file'], properties: { itemKey: { type: 'string' }, file: { type: 'string', format: 'binary' }, replaces: { type: 'integer' } } } } },
      },
      responses: { 201: { description: 'The stored files', content: jsonOfSchema('CaseFiles', true) }, ...refusalsOf(400, 403, 404, 413, 415, 422) },
    }), async (c) => {
      const actor = c.var.actor;
      const caseRow = await records.loadForAction(cases(), recordId(c), actor, 'upload'); // declared in index.ts
      if (CLOSED.includes(String(caseRow.status))) {
        throw new ApiError(422, { zh: '案件已结案、归档、终止或不予受理，不能再上传材料', en: 'The case is closed; no more uploads' });
      }
      const settings = await loadSettings(db);
      const limit = Number(settings.uploadLimitMb) * 1024 * 1024;
      // One request carries at most the limit (plus room for the form's other parts); reading stops there.
      allowLargerBody(c, limit + 64 * 1024, { zh: `文件过大：单次上传不能超过 ${settings.uploadLimitMb} MB`, en: `Too large: at most ${settings.uploadLimitMb} MB an upload` });
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw badInput({ file: { zh: '上传未完成或格式错误，请重试', en: 'The upload was incomplete or malformed' } });
      }
      const itemKey = String(form.itemKey ?? '');
      const template = await templateForCase(db, caseRow);
      const item = template?.items.find((i) => i.key === itemKey);
      if (!item) throw badInput({ itemKey: { zh: '请选择卷宗模板中的材料项', en: 'Choose an item of the case-file checklist' } });
      const uploads = [form.file].flat().filter((f): f is File => f instanceof File);
      if (!uploads.length) throw badInput({ file: { zh: '请选择要上传的文件', en: 'Choose a file to upload' } });
      const replaces = form.replaces === undefined || form.replaces === '' ? null : Number(form.replaces);
      if (replaces !== null && !isDbId(replaces)) {
        throw badInput({ replaces: { zh: '要替换的文件编号不正确', en: 'replaces must be a file id' } });
      }
      if (item.suppliedBy === 'centre' && actor.role !== 'admin') {
        throw new ApiError(403, { zh: `「${item.name}」由法援中心提供，律师不能上传`, en: `"${item.name}" is supplied by the centre` });
      }

      // Check every file before storing any, so a refused upload leaves nothing behind.
      const checked: { upload: File; data: Uint8Array; kind: string }[] = [];
      for (const upload of uploads) {
        checkFileName(upload.name);
        if (upload.size === 0) throw badInput({ file: { zh: `文件「${upload.name}」是空的`, en: `"${upload.name}" is empty` } });
        if (upload.size > limit) {
          throw new ApiError(413, { zh: `文件「${upload.name}」过大：不能超过 ${settings.uploadLimitMb} MB`, en: `"${upload.name}" is over ${settings.uploadLimitMb} MB` });
        }
        const data = new Uint8Array(await upload.arrayBuffer());
        const kind = sniffKind(data, { maxUnzippedBytes: Number(settings.uploadUnzippedLimitMb) * 1024 * 1024 });
        if (!kind || !item.acceptedTypes.includes(kind)) {
          const allowed = item.acceptedTypes.map((k) => fileKinds[k]?.label.zh ?? k).join('、');
          throw new ApiError(415, {
            zh: `文件「${upload.name}」的实际内容不是可接受的类型（${allowed}）`,
            en: `"${upload.name}" is not one of the accepted types (${item.acceptedTypes.join(', ')})`,
          }, { file: { zh: `只接受：${allowed}`, en: `Accepted: ${item.acceptedTypes.join(', ')}` } });
        }
        checked.push({ upload, data, kind });
      }

      const created = await records.write(async (trx) => {
        if (replaces) {
          const old = await trx.selectFrom('case_files').select(['id']).where('id', '=', replaces)
            .where('caseId', '=', Number(caseRow.id)).where('itemKey', '=', itemKey).where('supersededAt', 'is', null).executeTakeFirst();
          if (!old) throw badInput({ replaces: { zh: '要替换的文件不存在或已被替换', en: 'The file to replace is not current' } });
        }
        const ids: number[] = [];
        for (const { upload, data, kind } of checked) {
          const stored = await store.put(data, trx);
          const file = await records.insert(files(), {
            caseId: Number(caseRow.id), itemKey, itemName: item.name, originalName: upload.name, kind,
            mimeType: fileKinds[kind].mimeType, size: stored.size, sha256: stored.sha256, uploadedBy: actor.email,
          }, actor, { action: 'upload', trx });
          ids.push(Number(file.id));
        }
        if (replaces) {
          await records.change(files(), replaces, actor, {
            action: 'supersede',
            conflict: { zh: '该文件刚被他人替换，请刷新后重试', en: 'Someone else just replaced this file' },
            plan: (old) => {
              if (old.supersededAt) throw new ApiError(409, { zh: '该文件刚被他人替换，请刷新后重试', en: 'Someone else just replaced this file' });
              return { supersededAt: new Date().toISOString(), supersededBy: ids[0] };
            },
          }, trx);
        }
        return ids;
      });
      const list = await records.list(files(), { sort: ['id', 'ASC'], range: [0, created.length - 1], filter: { id: created } }, actor);
      return c.json(list.rows, 201);
    })
    .get('/case-files/:id/download', describeRoute({
      tags: ['case-files'],
      summary: 'The file (inline=1 to preview PDF and images)',
      parameters: [idParameter, { name: 'inline', in: 'query', schema: { type: 'string', enum: ['1'] } }],
      responses: { 200: { description: 'The bytes' }, ...refusalsOf(404) },
    }), async (c) => {
      const file = await records.get(files(), recordId(c), c.var.actor); // the files' row rules: 404 for others' cases
      const data = await store.read(String(file.sha256));
      const inline = c.req.query('inline') === '1' && ['pdf', 'jpeg', 'png'].includes(String(file.kind));
      return new Response(Buffer.from(data), {
        headers: {
          'content-type': String(file.mimeType),
          'content-length': String(data.byteLength),
          'content-disposition': contentDisposition(inline, String(file.originalName)),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        },
      });
    });
}
