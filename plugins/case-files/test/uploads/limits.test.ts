// Closing materials: limits and bad requests.
// (Shared setup: ./centre.ts; file fixtures: ../support.ts.)
import { describe, expect, it } from 'vitest';
import { ORIGIN } from '../../../../test/support/fayuan.js';
import { json, pdf, upload, uploadOk } from '../support.js';
import { fileRows, storedFiles, mine, setUpUploadCentre, t } from './centre.js';

setUpUploadCentre();

describe('limits and bad requests', () => {
  it('refuses an empty file with 400', async () => {
    const res = await upload(t, 'lawyer', mine, 'evidence', { name: '空文件.pdf', data: new Uint8Array(0) });
    expect(res.status).toBe(400);
    expect((await json(res)).errors.file).toContain('空文件.pdf');
  });

  it('refuses a file over the upload limit setting with 413, and takes one under it', async () => {
    const set = await t.api('admin', '/api/settings/1', { method: 'PUT', body: { uploadLimitMb: 1 } });
    expect(set.status).toBe(200);
    try {
      const big = new Uint8Array(1.5 * 1024 * 1024).fill(0x20);
      big.set(pdf('big'));
      const res = await upload(t, 'lawyer', mine, 'evidence', { name: '超大证据.pdf', data: big });
      const body = await json(res);
      expect(res.status).toBe(413);
      expect(body.message).toContain('1 MB');
      const fits = new Uint8Array(900 * 1024).fill(0x20);
      fits.set(pdf('fits'));
      await uploadOk(t, 'lawyer', mine, 'evidence', '合规证据.pdf', fits);
    } finally {
      await t.api('admin', '/api/settings/1', { method: 'PUT', body: { uploadLimitMb: 20 } });
    }
  });

  it('refuses file names with ../ or / or \\ with 400', async () => {
    for (const name of ['../../etc/passwd.pdf', '..\\..\\boot.pdf', '证据/一.pdf', '/tmp/证据.pdf', 'a\\b.pdf']) {
      const res = await upload(t, 'lawyer', mine, 'evidence', { name, data: pdf('path name') });
      expect(res.status, name).toBe(400);
      expect(Object.keys((await json(res)).errors)).toContain('file');
    }
  });

  it('refuses an item key that is not on the checklist, and a request without a file, with 400', async () => {
    const unknown = await upload(t, 'lawyer', mine, 'no_such_item', { name: 'x.pdf', data: pdf('x') });
    expect(unknown.status).toBe(400);
    expect(Object.keys((await json(unknown)).errors)).toContain('itemKey');
    const form = new FormData();
    form.set('itemKey', 'evidence');
    const none = await t.fayuan.app.request(`/api/cases/${mine}/files`, { method: 'POST', headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN }, body: form });
    expect(none.status).toBe(400);
  });

  it('answers a half-sent multipart body with 400 and leaves no row and no file behind', async () => {
    const rows = await fileRows();
    const blobs = await storedFiles();
    const boundary = '----fayuan-half-upload';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="itemKey"\r\n\r\nevidence\r\n`
      + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const whole = pdf('never finished');
    const body = Buffer.concat([Buffer.from(head), Buffer.from(whole.subarray(0, 200))]); // no closing boundary
    const res = await t.fayuan.app.request(`/api/cases/${mine}/files`, {
      method: 'POST',
      headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(400);
    expect(await fileRows()).toBe(rows);
    expect(await storedFiles()).toEqual(blobs);
    expect((await storedFiles()).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('answers a multipart body without a boundary, or garbage, with 400', async () => {
    for (const [contentType, body] of [['multipart/form-data', 'itemKey=evidence'], ['multipart/form-data; boundary=x', 'garbage without any boundary']]) {
      const res = await t.fayuan.app.request(`/api/cases/${mine}/files`, {
        method: 'POST',
        headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN, 'content-type': contentType },
        body,
      });
      expect(res.status, contentType).toBe(400);
    }
  });
});
