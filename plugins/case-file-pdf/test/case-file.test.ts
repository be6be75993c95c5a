import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFile } from '../../../test/support/pdf-file.js';
import { pdfImagePages, pdfPageCount, pdfPageTexts } from '../../../test/support/poppler.js';
import { renderCaseFile, type CaseFileAttachment, type CaseFileData } from '../server/render.js';
import { sampleCaseFile } from './sample-case-file.js';

const flat = (text: string) => text.replace(/\s+/g, '');

/** A small solid PNG, encoded by hand (8-bit RGB, one IDAT). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The data and attachments of a case whose files were uploaded against its template. */
function withFiles(data: CaseFileData, attachments: CaseFileAttachment[]): CaseFileData {
  for (const attachment of attachments) {
    data.materials
      .find((item) => item.itemKey === attachment.itemKey)!
      .files.push({ name: attachment.name, size: attachment.bytes.length, sha256: crypto.createHash('sha256').update(attachment.bytes).digest('hex'), kind: attachment.kind });
  }
  return data;
}

/** The catalogue's rows: title and first page, from the text of page 2. */
function catalogueRows(pageText: string): { title: string; first: number; last: number }[] {
  return pageText
    .split('\n')
    .map((line) => /^\s*\d+\s+(\S+)\s+(\d+)(?:–(\d+))?/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ title: match[1], first: Number(match[2]), last: Number(match[3] ?? match[2]) }));
}

describe('the standard case file', () => {
  let attachments: CaseFileAttachment[];
  let data: CaseFileData;
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    attachments = [
      // Given out of template order: the file binds them in the template's order.
      { itemKey: 'judgment', name: '民事调解书.pdf', kind: 'pdf', bytes: pdfFile('Judgment page 1', 'Judgment page 2', 'Judgment page 3') },
      { itemKey: 'identity', name: '身份证.png', kind: 'png', bytes: png(60, 40) },
      { itemKey: 'agreement', name: '委托代理协议.docx', kind: 'docx', bytes: Buffer.from('PK\x03\x04 not really') },
      { itemKey: 'evidence', name: '损坏的扫描件.pdf', kind: 'pdf', bytes: Buffer.from('%PDF-1.4 broken') },
    ];
    data = withFiles(sampleCaseFile(), attachments);
    pdf = await renderCaseFile(data, attachments);
    pages = pdfPageTexts(pdf);
  });

  it('has the case number in the header of every page but the cover, and 第 x 页 共 y 页 on every page', () => {
    expect(pages.length).toBe(pdfPageCount(pdf));
    pages.forEach((text, i) => {
      if (i > 0) expect(flat(text)).toContain('案号：（2026）江北援字第0318号');
      expect(flat(text)).toContain(`第${i + 1}页共${pages.length}页`);
    });
  });

  it('opens with the cover', () => {
    const cover = flat(pages[0]);
    for (const fact of ['江州市江北区法律援助中心', '法律援助案件卷宗', '（2026）江北援字第0318号', '追索劳动报酬纠纷', '王秀兰', '李建国（江苏明德律师事务所）', '2026年11月24日', '2027年3月15日', '张敏', '2027年4月2日', '优秀', '长期']) {
      expect(cover).toContain(fact);
    }
  });

  it('lists every section and bound material in the catalogue with the page that really holds it', () => {
    const rows = catalogueRows(pages[1]);
    expect(rows.map((row) => row.title)).toEqual([
      '封面',
      '目录',
      '案件概况',
      '卷内材料清单',
      '办案质量评价',
      '受援人身份证明：身份证.png',
      '判决书、裁定书或调解书：民事调解书.pdf',
    ]);
    const heading: Record<string, string> = { 封面: '法律援助案件卷宗', 目录: '目录', 案件概况: '案件概况', 卷内材料清单: '卷内材料清单', 办案质量评价: '办案质量评价' };
    rows.forEach((row, i) => {
      const expected = heading[row.title] ?? `附件${i - 4}${row.title}`;
      expect(flat(pages[row.first - 1]), `${row.title} on page ${row.first}`).toContain(expected);
      if (i > 0) expect(row.first).toBe(rows[i - 1].last + 1);
    });
    expect(rows.at(-1)!.last).toBe(pages.length);
    // The summary's long work log runs over more than one page.
    expect(rows[2].last).toBeGreaterThan(rows[2].first);
  });

  it('binds the PDF pages and the image in, and only lists other files', () => {
    const rows = catalogueRows(pages[1]);
    const judgment = rows.at(-1)!;
    expect(judgment.last - judgment.first + 1).toBe(3);
    for (let i = 0; i < 3; i++) expect(pages[judgment.first - 1 + i]).toContain(`Judgment page ${i + 1}`);
    const image = rows.find((row) => row.title.endsWith('身份证.png'))!;
    expect(pdfImagePages(pdf)).toEqual([image.first]);
    const list = rows.find((row) => row.title === '卷内材料清单')!;
    const materials = flat(pages.slice(list.first - 1, list.last).join(''));
    expect(materials).toContain('委托代理协议.docx');
    expect(materials).toMatch(/委托代理协议\.docx（\d+B，仅列出）/);
    expect(materials).toMatch(/损坏的扫描件\.pdf（\d+B，仅列出）/);
    expect(materials).toMatch(/民事调解书\.pdf（[\d.]+KB，已装订）/);
    expect(flat(pages[1])).not.toContain('委托代理协议.docx');
  });

  it('lists the template’s items, supplied or missing, with their SHA-256', () => {
    const text = flat(pages.filter((page) => flat(page).includes('卷内材料清单')).slice(1).join(''));
    expect(text).toMatch(/法律援助申请表缺/);
    expect(text).toMatch(/证据材料（选）已提交/);
    expect(text).toMatch(/回访记录（选）未提交/);
    const sha = crypto.createHash('sha256').update(attachments[0].bytes).digest('hex');
    expect(text).toContain(sha.slice(0, 32));
    expect(text).toContain(sha.slice(32));
  });

  it('summarises the case: applicant (as masked by the caller), means test, assignment checks, steps, work log, outcome', () => {
    const summary = flat(pages.slice(2).join(''));
    for (const fact of ['3201**********1024', '139****5678', '免予核查经济困难状况', '承办律师与案件无利益冲突', '通过', '2026年11月27日15:05', '决定给予', '办案日志', '整理证据目录，起草劳动仲裁申请书。', '48,600.00元']) {
      expect(summary).toContain(fact);
    }
    expect(summary).not.toContain('320106199001011024');
  });

  it('shows the quality results the data holds', () => {
    const quality = flat(pages.find((text) => flat(text).includes('办案质量评价') && !flat(text).includes('目录')) ?? '');
    for (const fact of ['庭审旁听', '刘洋', '回访', '满意', '同行评估', '2027年第一季度', '办案补贴', '2,400.00元']) expect(quality).toContain(fact);
    expect(quality).not.toContain('案卷检查评分'); // no inspection grades in the data
  });

  it('leaves out the sections whose data is absent', async () => {
    const bare = await renderCaseFile(sampleCaseFile({ quality: undefined, workLog: undefined, meansTest: undefined, assignment: undefined, outcome: undefined }), []);
    const text = flat(pdfPageTexts(bare).join(''));
    for (const absent of ['办案质量评价', '办案日志', '经济困难状况审查', '指派情况', '办理结果']) expect(text).not.toContain(absent);
    expect(text).toContain('案件概况');
    expect(catalogueRows(pdfPageTexts(bare)[1]).map((row) => row.title)).toEqual(['封面', '目录', '案件概况', '卷内材料清单']);
  });
});
