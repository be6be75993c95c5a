// The public application form without an account: a case in 申请 with channel online, a tracking
// code, a status page that answers only code + phone, nothing half-written, no leaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startTestFayuan, type TestFayuan } from '../support/fayuan.js';
import { application, challenge, pdf, png, submit } from './support.js';

let t: TestFayuan;
type Json = Record<string, any>;

beforeAll(async () => { t = await startTestFayuan({ cases: 5 }); });
afterAll(async () => { await t?.close(); });

const count = async (table: string) => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const track = (code: string, phone: string) => t.fayuan.app.request(`/api/public/applications/${encodeURIComponent(code)}?phone=${encodeURIComponent(phone)}`);

describe('an online application', () => {
  let trackingCode: string;

  it('becomes a case in 申请 with channel online and answers only a tracking code', async () => {
    const before = await count('cases');
    const res = await submit(t);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['trackingCode']);
    expect(body.trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    trackingCode = body.trackingCode;
    expect(await count('cases')).toBe(before + 1);
    const list = await (await t.api('admin', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ channel: 'online' }))}`)).json();
    const made = list.find((c: Json) => c.applicantName === '赵敏');
    expect(made).toMatchObject({ status: 'applied', channel: 'online', applicantIdNumber: '110101199003071241', opposingPartyName: '某某建筑公司', lawyerId: null });
    const files = await t.database.db.selectFrom('online_application_files').select(['purpose', 'kind']).where('caseId', '=', made.id).orderBy('purpose').execute();
    expect(files).toEqual([{ purpose: 'hardshipProof', kind: 'pdf' }, { purpose: 'idDocument', kind: 'png' }]);
    // The centre sees them; a supervisor does not.
    const listed = await (await t.api('admin', `/api/cases/${made.id}/online-files`)).json();
    expect(listed.map((f: Json) => f.purpose)).toEqual(['idDocument', 'hardshipProof']);
    const id = listed.find((f: Json) => f.purpose === 'idDocument').id;
    const download = await t.api('admin', `/api/cases/${made.id}/online-files/${id}`);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(png()))).toBe(true);
    expect((await t.api('supervisor', `/api/cases/${made.id}/online-files`)).status).toBe(403);
    // The tracking code is kept only as a keyed hash.
    const stored = await t.database.db.selectFrom('online_applications').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(trackingCode.replace(/-/g, ''));
    expect(JSON.stringify(stored)).not.toContain('13900001111');
  });

  it('is tracked with code and phone: the state and what the centre asks, nothing else', async () => {
    const res = await track(trackingCode, '139 0000 1111');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ trackingCode, submittedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), status: 'applied', statusLabel: { zh: '申请', en: 'Applied' }, notice: null });
    // The admin asks for a paper; the status page shows it; the case moves on.
    const list = await (await t.api('admin', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ channel: 'online' }))}`)).json();
    const made = list.find((c: Json) => c.applicantName === '赵敏');
    const full = await (await t.api('admin', `/api/cases/${made.id}`)).json();
    expect((await t.api('admin', `/api/cases/${made.id}`, { method: 'PUT', body: { ...full, noticeToApplicant: '请补充提交劳动合同复印件' } })).status).toBe(200);
    expect((await t.api('admin', `/api/cases/${made.id}/transitions/review`, { method: 'POST' })).status).toBe(200);
    expect(await (await track(trackingCode.toLowerCase().replace(/-/g, ''), '13900001111')).json())
      .toMatchObject({ status: 'reviewing', statusLabel: { zh: '审查' }, notice: '请补充提交劳动合同复印件' });
  });

  it('answers the same 404 for a wrong code, a wrong phone, no phone or a malformed code', async () => {
    const answers = await Promise.all([
      track('ABCD-EFGH-JKMN', '13900001111'),
      track(trackingCode, '13900001112'),
      track(trackingCode, ''),
      track('not-a-code', '13900001111'),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain('赵敏');
  });

  it('writes nothing when an upload is not what it claims, is missing, or the challenge fails', async () => {
    const before = [await count('cases'), await count('online_applications'), await count('online_application_files'), await count('audit_log')];
    const fake = await submit(t, { files: { idDocument: png(), hardshipProof: new TextEncoder().encode('<html>not a pdf</html>') } });
    expect(fake.status).toBe(400);
    expect((await fake.json()).errors.hardshipProof).toMatch(/PDF、JPEG 或 PNG/);
    expect((await submit(t, { files: { idDocument: pdf() } })).status).toBe(400);
    expect((await submit(t, { consent: false })).status).toBe(400);
    expect((await submit(t, { fields: application({ applicantPhone: '' }) })).status).toBe(400);
    expect((await submit(t, { solved: { ...(await challenge(t)), solution: '0' } })).status).toBe(403);
    expect((await submit(t, { solved: { token: 'forged.15.99999999999999.sig', solution: '1' } })).status).toBe(403);
    expect([await count('cases'), await count('online_applications'), await count('online_application_files'), await count('audit_log')]).toEqual(before);
  });

  it('takes an exempt applicant without a hardship proof, and spends each challenge once', async () => {
    const solved = await challenge(t);
    expect((await submit(t, { fields: application({ applicantPhone: '13900002222', exemptionReason: 'migrant_wages' }), files: { idDocument: png() }, solved })).status).toBe(201);
    expect((await submit(t, { fields: application({ applicantPhone: '13900003333' }), solved })).status).toBe(403);
  });

  it('refuses a POST from another origin or without one, and writes nothing', async () => {
    const before = await count('cases');
    const form = new FormData();
    form.set('application', JSON.stringify(application()));
    for (const headers of [{} as Record<string, string>, { origin: 'https://evil.example' }]) {
      expect((await t.fayuan.app.request('/api/public/applications', { method: 'POST', body: form, headers })).status).toBe(403);
    }
    expect(await count('cases')).toBe(before);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = new Uint8Array(12 * 1024 * 1024);
    big.set(png());
    const res = await submit(t, { files: { idDocument: big, hardshipProof: pdf() } });
    expect(res.status).toBe(413);
  });
});

describe('what the public routes give away', () => {
  it('leaks no other case and no personal data on any public route (a probe over each)', async () => {
    const personal = ['赵敏', '110101199003071241', '13900001111', '某某建筑公司', '劳动报酬纠纷'];
    const cases = await (await t.api('admin', '/api/cases?range=[0,200]')).json();
    for (const c of cases) for (const v of [c.applicantName, c.applicantPhone, c.applicantIdNumber, c.caseNumber]) if (v) personal.push(String(v));
    const probes: Array<[string, RequestInit?]> = [
      ['/api/public/challenge'],
      ['/api/public/application-form'],
      ['/api/public/applications/ABCD-EFGH-JKMN?phone=13900001111'],
      ['/api/public/applications/ABCD-EFGH-JKMN'],
      ['/api/public/applications'],
      ['/api/public/applications', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: '{}' }],
      ['/api/public/applications', { method: 'POST', headers: { origin: ORIGIN } }],
      ['/api/public/cases'],
      ['/api/public/applications/1?phone=13900001111'],
      ['/api/public/applications/%27%20OR%201=1--?phone=x'],
    ];
    for (const [path, init] of probes) {
      const res = await t.fayuan.app.request(path, init);
      expect(res.status, path).toBeLessThan(500);
      const text = await res.text();
      for (const value of personal) expect(text, `${path} gives away ${value}`).not.toContain(value);
    }
    // The form's description is the declaration's applicant fields only.
    const form = await (await t.fayuan.app.request('/api/public/application-form')).json();
    const names = form.fields.map((f: Json) => f.name);
    expect(names).toEqual(expect.arrayContaining(['applicantName', 'applicantIdNumber', 'applicantPhone', 'caseType', 'opposingPartyName', 'opposingPartyIdNumber', 'exemptionReason']));
    for (const kept of ['status', 'lawyerId', 'caseNumber', 'noticeToApplicant', 'qualityGrade', 'channel']) expect(names).not.toContain(kept);
  });

  it('ignores fields an applicant may not set (status, lawyer, channel)', async () => {
    const lawyers = await (await t.api('admin', '/api/lawyers')).json();
    const res = await submit(t, { fields: application({ applicantPhone: '13900004444', applicantName: '钱七', status: 'assigned', lawyerId: lawyers[0].id, channel: 'window', qualityGrade: 'excellent' }) });
    expect(res.status).toBe(201);
    const made = (await (await t.api('admin', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: '钱七' }))}`)).json())[0];
    expect(made).toMatchObject({ status: 'applied', lawyerId: null, channel: 'online', qualityGrade: null });
  });
});

describe('the OpenAPI document', () => {
  it('lists exactly the /api/public/ routes under the tag public, without security', async () => {
    const doc = await (await t.fayuan.app.request('/api/openapi.json')).json();
    const tagged = Object.entries(doc.paths as Record<string, Record<string, Json>>)
      .flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.tags?.includes('public')).map(([method, op]) => { expect(op.security).toEqual([]); return `${method.toUpperCase()} ${path}`; }));
    expect(tagged.sort()).toEqual(['GET /api/public/application-form', 'GET /api/public/applications/{trackingCode}', 'GET /api/public/challenge', 'GET /api/public/complaint-notice', 'POST /api/public/applications']);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/public/')).length).toBe(5);
  });
});
