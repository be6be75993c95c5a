// Closing materials: type sniffing by content.
// (Shared setup: ./centre.ts; file fixtures: ../support.ts.)
import { describe, expect, it } from 'vitest';
import { docx, exe, jpeg, json, ofd, pdf, png, sha256, templateNamed, upload, uploadOk, type Json } from '../support.js';
import { download, fileRows, storedFiles, mine, setUpUploadCentre, t } from './centre.js';

setUpUploadCentre();

describe('type sniffing by content', () => {
  const accepted: [string, () => Uint8Array, string, string][] = [
    ['a PDF', () => pdf('sniff'), '判决书.pdf', 'pdf'],
    ['a PNG', png, '扫描件.png', 'png'],
    ['a JPEG', jpeg, '照片.jpg', 'jpeg'],
    ['a Word document (DOCX)', () => docx('代理词正文'), '代理词.docx', 'docx'],
    ['an OFD document', () => ofd(), '电子判决书.ofd', 'ofd'],
  ];
  for (const [what, make, name, kind] of accepted) {
    it(`accepts ${what}, recording the kind found in its content`, async () => {
      const data = make();
      const row = await uploadOk(t, 'lawyer', mine, 'judgment', name, data);
      expect(row.kind).toBe(kind);
      expect(row.sha256).toBe(sha256(data));
      const got = await download('lawyer', row.id);
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(data))).toBe(true);
    });
  }

  it('refuses a text file named .pdf with 415', async () => {
    const res = await upload(t, 'lawyer', mine, 'statement', { name: '代理词.pdf', data: new TextEncoder().encode('这不是 PDF，只是一段文字。') });
    const body = await json(res);
    expect(res.status).toBe(415);
    expect(body.message).toContain('代理词.pdf');
  });

  it('refuses a PNG named .pdf for an item that accepts only PDF with 415, and takes a real PDF there', async () => {
    const template = await templateNamed(t, '民事诉讼案件卷宗');
    const items = template.items.map((i: Json) => (i.key === 'hearing_record' ? { ...i, acceptedTypes: ['pdf'] } : i));
    const put = await t.api('admin', `/api/case-file-templates/${template.id}`, { method: 'PUT', body: { ...template, items } });
    expect(put.status).toBe(200);
    const refused = await upload(t, 'lawyer', mine, 'hearing_record', { name: '庭审笔录.pdf', data: png() });
    expect(refused.status).toBe(415);
    expect((await json(refused)).errors.file).toContain('PDF');
    await uploadOk(t, 'lawyer', mine, 'hearing_record', '庭审笔录.pdf', pdf('庭审笔录'));
  });

  it('refuses a Windows executable with 415, whatever it is called', async () => {
    for (const name of ['证据.pdf', 'setup.exe', '照片.jpg']) {
      const res = await upload(t, 'lawyer', mine, 'evidence', { name, data: exe() });
      expect(res.status, name).toBe(415);
    }
  });

  it('refuses a whole request when one of its files is refused, storing none of them', async () => {
    const rows = await fileRows();
    const blobs = await storedFiles();
    const res = await upload(t, 'lawyer', mine, 'evidence', [
      { name: '好文件.pdf', data: pdf('a good file sent with a bad one') },
      { name: '坏文件.pdf', data: exe() },
    ]);
    expect(res.status).toBe(415);
    expect(await fileRows()).toBe(rows);
    expect(await storedFiles()).toEqual(blobs);
  });
});
