// The public routes, /api/public/*: no session, the console's origin still required for POST,
// rate limits of their own. What they give away, exactly:
//   GET  /challenge                      a proof-of-work challenge (no data)
//   GET  /application-form               the applicant's fields of the case declaration (labels, types, options)
//   POST /applications                   → { trackingCode } and nothing else
//   GET  /applications/:code?phone=…     → { trackingCode, submittedOn, status, statusLabel, notice } of that
//                                          one application, only when code and phone both match; otherwise
//                                          the same 404 whichever was wrong
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { allowLargerBody } from '../http/body-limit.js';
import type { Config } from '../config.js';
import type { Records } from '../rest/records.js';
import type { Actor, Label, Row } from '../resources/define.js';
import { ApiError, badInput } from '../rest/errors.js';
import { defaultsOf, validateRecord } from '../rest/validator.js';
import { caseStatuses } from '../resources/cases.js';
import { fileKinds, sniffKind, type FileKind } from '../uploads/sniff.js';
import { describeField } from '../meta/meta.js';
import { publicApplicationView } from './application-fields.js';
import { issueChallenge, spendChallenge } from './challenge.js';
import { publicLimiter } from './limits.js';
import { canonicalCode, canonicalPhone, keyedHash, newTrackingCode, sameHash } from './tracking.js';

/** Who the audit trail names for an application made on the public page. */
export const onlineApplicant: Actor = { id: 'online-application', email: '网上申请', role: 'public', lawyerId: null };

export const PUBLIC_FILE_LIMIT_MB = 5;
const PUBLIC_FILE_KINDS: FileKind[] = ['pdf', 'jpeg', 'png'];

/** The uploads the form takes: the ID always, the hardship proof unless a means-test exemption is claimed. */
const uploads = {
  idDocument: { label: { zh: '身份证明', en: 'Proof of identity' } },
  hardshipProof: { label: { zh: '经济困难证明', en: 'Proof of hardship' } },
} satisfies Record<string, { label: Label }>;

const notFound: Label = { zh: '未找到与该查询码和手机号对应的申请', en: 'No application matches this tracking code and phone number' };
const challengeFailed: Label = { zh: '验证未通过或已过期，请刷新页面后重新提交', en: 'The check failed or expired; reload the page and submit again' };

export function publicRoutes(records: Records, config: Config, clientIp: (c: Context) => string) {
  const { db } = records.database;
  const cases = records.resource('cases');
  const view = publicApplicationView(cases);
  const limit = publicLimiter(db, config.rateLimit);
  const secret = config.authSecret;

  return new Hono<AppEnv>()
    .get('/challenge', async (c) => {
      await limit('challenge', clientIp(c));
      const { token, nonce, bits, expiresAt } = issueChallenge(secret);
      return c.json({ token, nonce, bits, expiresAt }, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/application-form', (c) => c.json({ fields: Object.entries(view.fields).map(([name, field]) => describeField(name, field)), uploads, fileKinds: PUBLIC_FILE_KINDS.map((k) => fileKinds[k]), fileLimitMb: PUBLIC_FILE_LIMIT_MB }))
    .post('/applications', async (c) => {
      await limit('applicationPerIp', clientIp(c));
      const bytes = PUBLIC_FILE_LIMIT_MB * 1024 * 1024;
      allowLargerBody(c, 2 * bytes + 256 * 1024, { zh: `文件过大：每个文件不能超过 ${PUBLIC_FILE_LIMIT_MB} MB`, en: `Too large: at most ${PUBLIC_FILE_LIMIT_MB} MB a file` });
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw badInput({ body: { zh: '提交未完成或格式错误，请重试', en: 'The submission was incomplete or malformed' } });
      }
      const fields = parseApplication(form.application);
      if (form.consent !== 'true') {
        throw badInput({ consent: { zh: '请阅读并同意个人信息处理规则', en: 'Agree to the processing of your personal data' } });
      }
      const application = validateRecord(view, { ...defaultsOf(view), ...fields });
      const phone = canonicalPhone(String(application.applicantPhone));
      const files = await checkedUploads(form, application, bytes);
      if (!(await spendChallenge(db, secret, form.challengeToken, form.challengeSolution))) throw new ApiError(403, challengeFailed, { challenge: challengeFailed });
      await limit('applicationPerPhone', keyedHash(secret, 'phone', phone));

      const trackingCode = newTrackingCode();
      await records.write(async (trx) => {
        const created = await records.insert(cases, {
          ...Object.fromEntries(Object.keys(cases.fields).map((name) => [name, null])),
          ...defaultsOf(cases),
          ...application,
          channel: 'online',
          status: 'applied',
          applicationDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
        }, onlineApplicant, { action: 'online-application', trx });
        const now = new Date().toISOString();
        await trx.insertInto('online_applications').values({
          trackingHash: keyedHash(secret, 'tracking', canonicalCode(trackingCode)!),
          phoneHash: keyedHash(secret, 'phone', phone),
          caseId: created.id, createdAt: now,
        }).execute();
        for (const file of files) {
          await trx.insertInto('online_application_files').values({ caseId: created.id, purpose: file.purpose, kind: file.kind, size: file.content.byteLength, content: file.content, createdAt: now }).execute();
        }
      });
      return c.json({ trackingCode }, 201);
    })
    .get('/applications/:trackingCode', async (c) => {
      await limit('statusPerIp', clientIp(c));
      const code = canonicalCode(c.req.param('trackingCode').slice(0, 40));
      const phone = canonicalPhone(String(c.req.query('phone') ?? '').slice(0, 40));
      const entry = code
        ? await db.selectFrom('online_applications').select(['caseId', 'phoneHash']).where('trackingHash', '=', keyedHash(secret, 'tracking', code)).executeTakeFirst()
        : undefined;
      // The phone is compared even without an entry, so both failures take the same path.
      const phoneMatches = sameHash(keyedHash(secret, 'phone', phone), entry?.phoneHash ?? keyedHash(secret, 'phone', '-'));
      if (!entry || !phoneMatches || !phone) throw new ApiError(404, notFound);
      const row = await db.selectFrom('cases').select(['status', 'applicationDate', 'noticeToApplicant']).where('id', '=', entry.caseId).executeTakeFirst();
      if (!row) throw new ApiError(404, notFound);
      const status = String(row.status) as keyof typeof caseStatuses;
      return c.json({
        trackingCode: code!.replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3'),
        submittedOn: String(row.applicationDate instanceof Date ? row.applicationDate.toISOString() : row.applicationDate).slice(0, 10),
        status,
        statusLabel: caseStatuses[status] ?? { zh: status, en: status },
        notice: row.noticeToApplicant ?? null,
      }, 200, { 'Cache-Control': 'no-store' });
    });
}

function parseApplication(value: unknown): Row {
  if (typeof value !== 'string' || value.length > 64 * 1024) throw badInput({ application: { zh: '申请内容缺失或过长', en: 'The application is missing or too long' } });
  try {
    const parsed = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Row;
  } catch { /* answered below */ }
  throw badInput({ application: { zh: '申请内容格式错误', en: 'The application is malformed' } });
}

/** The uploads, each checked by content before anything is written. */
async function checkedUploads(form: Record<string, unknown>, application: Row, bytes: number) {
  const needed: Array<keyof typeof uploads> = application.exemptionReason ? ['idDocument'] : ['idDocument', 'hardshipProof'];
  const errors: Record<string, Label> = {};
  const files: Array<{ purpose: string; kind: FileKind; content: Uint8Array }> = [];
  for (const purpose of Object.keys(uploads) as Array<keyof typeof uploads>) {
    const file = form[purpose];
    if (!(file instanceof File)) {
      if (needed.includes(purpose)) errors[purpose] = { zh: `请上传${uploads[purpose].label.zh}`, en: `Upload the ${uploads[purpose].label.en.toLowerCase()}` };
      continue;
    }
    if (file.size > bytes) {
      errors[purpose] = { zh: `${uploads[purpose].label.zh}不能超过 ${PUBLIC_FILE_LIMIT_MB} MB`, en: `At most ${PUBLIC_FILE_LIMIT_MB} MB` };
      continue;
    }
    const content = new Uint8Array(await file.arrayBuffer());
    const kind = sniffKind(content);
    if (!kind || !PUBLIC_FILE_KINDS.includes(kind)) {
      errors[purpose] = { zh: `${uploads[purpose].label.zh}应为 PDF、JPEG 或 PNG 文件（按内容识别）`, en: 'A PDF, JPEG or PNG file (by its content)' };
      continue;
    }
    files.push({ purpose, kind, content });
  }
  if (Object.keys(errors).length) throw badInput(errors);
  return files;
}
