// Downloading an issued document (under its row rules) and re-issuing one (admins: a new version).
import { Hono } from 'hono';
import { ApiError, centreFileStore, recordId, type AppEnv, type PluginContext } from '../../../api/plugin-kit.js';
import { DOCUMENT_TITLES, type DocumentKind } from './templates/document-data.js';

export function caseDocumentRoutes(ctx: PluginContext) {
  const { records } = ctx;
  const documents = () => ctx.resource('case-documents');
  const store = centreFileStore(ctx);

  return new Hono<AppEnv>()
    .get('/case-documents/:id/download', async (c) => {
      const document = await records.get(documents(), recordId(c), c.var.actor); // 404 out of reach
      const data = await store.read(String(document.sha256));
      const name = `${DOCUMENT_TITLES[document.kind as DocumentKind]}${document.number}.pdf`;
      const inline = c.req.query('inline') === '1';
      return new Response(Buffer.from(data), {
        headers: {
          'content-type': 'application/pdf',
          'content-length': String(data.byteLength),
          'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="document-${document.id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        },
      });
    })
    .post('/case-documents/:id/reissue', async (c) => {
      const actor = c.var.actor;
      const previous = await records.loadForAction(documents(), recordId(c), actor, 'reissue');
      if (previous.supersededAt) throw new ApiError(409, { zh: '该文书已被重新签发，请对最新版本操作', en: 'This version was already re-issued; re-issue the current one' });
      const { issueDocument } = await import('./issue.js');
      const issued = await records.write(async (trx) => {
        const caseRow = await records.load(ctx.resource('cases'), Number(previous.caseId), trx);
        return issueDocument(trx, ctx, caseRow, previous.kind as DocumentKind, actor, previous);
      });
      return c.json(issued, 201);
    });
}
