// Uploads are what they claim: names cannot hide their real ending behind text-direction
// characters, a DOCX is a real Office package of bounded unpacked size, a PDF has its trailer,
// images decode their header; the unpacked-size limit is a setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffKind } from '../../plugins/case-files/server/sniff.js';
import { docx, jpeg, json, newCase, ofd, pdf, png, upload, zip } from '../../plugins/case-files/test/support.js';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';

const text = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;

/** A ZIP whose central directory declares `size` bytes unpacked for one entry of a few bytes. */
function declaring(entries: { name: string; data: string }[], sizes: Record<string, number>): Uint8Array {
  const data = zip(entries);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
    if (sizes[name] !== undefined) view.setUint32(at + 24, sizes[name], true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return data;
}

const officeParts = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: '_rels/.rels', data: '<Relationships/>' },
  { name: 'word/document.xml', data: '<w:document/>' },
];

describe('file contents', () => {
  it('takes a DOCX only with [Content_Types].xml and word/document.xml', () => {
    expect(sniffKind(docx())).toBe('docx');
    expect(sniffKind(zip([{ name: 'word/document.xml', data: '<w:document/>' }]))).toBeNull();
    expect(sniffKind(zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/other.xml', data: 'x' }]))).toBeNull();
  });

  it('refuses archives of other things dressed as a DOCX: programs, nested archives, paths out', () => {
    for (const name of ['word/payload.exe', 'word/media/evil.js', 'inner.zip', '../escape.xml', 'word/../../x.xml']) {
      expect(sniffKind(zip([...officeParts, { name, data: 'MZ' }])), name).toBeNull();
    }
  });

  it('refuses a zip bomb by the unpacked sizes its central directory declares, under the limit given', () => {
    expect(sniffKind(declaring(officeParts, { 'word/document.xml': 3000 * MB }))).toBeNull(); // over the limit, and a ratio no document has
    const big = declaring(officeParts, { 'word/document.xml': 80 });
    expect(sniffKind(big, { maxUnzippedBytes: 100 * MB })).toBe('docx');
    expect(sniffKind(big, { maxUnzippedBytes: 50 })).toBeNull();
    expect(sniffKind(ofd(), { maxUnzippedBytes: 10 })).toBeNull();
  });

  it('takes a PDF only with its trailer (startxref and %%EOF)', () => {
    expect(sniffKind(pdf())).toBe('pdf');
    expect(sniffKind(text('%PDF-1.7\n1 0 obj << >> endobj\n'))).toBeNull();
    expect(sniffKind(text('%PDF-1.7\n%%EOF\n'))).toBeNull();
    expect(sniffKind(text('%PDF-1.7\nstartxref\n%%EOF'))).toBeNull();
    expect(sniffKind(text('%PDF-1.7\nstartxref\n9\n%%EOF\n\n  '))).toBe('pdf');
  });

  it('takes PNG and JPEG only when their header gives dimensions', () => {
    expect(sniffKind(png())).toBe('png');
    expect(sniffKind(jpeg())).toBe('jpeg');
    const zeroWide = png();
    new DataView(zeroWide.buffer).setUint32(16, 0);
    expect(sniffKind(zeroWide)).toBeNull();
    expect(sniffKind(png().subarray(0, 20))).toBeNull();
    expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toBeNull();
    expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
  });
});

describe('uploads through the route', () => {
  let t: TestFayuan;
  let mine: number;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 10, plugins: ['case-files'] });
    mine = await newCase(t, { caseType: 'civil' });
  });
  afterAll(() => t?.close());

  it('refuses names with text-direction or invisible characters with 400, and leaves no file', async () => {
    for (const name of ['证据\u202Efdp.exe', 'a\u202Ab.pdf', 'a\u2066b\u2069.pdf', 'a\u200Eb.pdf', 'a\u200Fb.pdf', 'a\u061Cb.pdf', 'a\u200Bb.pdf']) {
      const res = await upload(t, 'lawyer', mine, 'evidence', { name, data: pdf('bidi') });
      expect(res.status, JSON.stringify(name)).toBe(400);
      const body = await json(res);
      expect(Object.keys(body.errors)).toContain('file');
      expect(body.errors.file).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('takes a 3 MB file under the upload limit: the route raises the 1 MB body limit for itself', async () => {
    const big = new Uint8Array(3 * MB).fill(0x20);
    big.set(pdf('three megabytes'));
    const res = await upload(t, 'lawyer', mine, 'evidence', { name: '三兆证据.pdf', data: big });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('uses the uploadUnzippedLimitMb setting for DOCX packages', async () => {
    const set = await t.api('admin', '/api/settings/1', { method: 'PUT', body: { uploadUnzippedLimitMb: 1 } });
    expect(set.status).toBe(200);
    try {
      const tooBig = declaring(officeParts, { 'word/document.xml': 2 * MB });
      expect((await upload(t, 'lawyer', mine, 'evidence', { name: '大文档.docx', data: tooBig })).status).toBe(415);
      expect((await upload(t, 'lawyer', mine, 'evidence', { name: '文档.docx', data: docx() })).status).toBe(201);
    } finally {
      await t.api('admin', '/api/settings/1', { method: 'PUT', body: { uploadUnzippedLimitMb: 100 } });
    }
  });
});
