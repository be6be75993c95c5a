import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import {
  A4,
  CLOSING_PUNCTUATION,
  MARGIN,
  chineseDate,
  chineseOfficialDate,
  ensureDevelopmentCertificate,
  loadSealCertificate,
  signPdf,
  splitForLineBreaking,
} from '../api/pdf/index.js';
import { LONG_CHINESE, letterWithSealArea, longParagraphPdf } from './support/pdf-fixtures.js';
import { pdfLines, pdfPageTexts, pdfsig, pdfText } from './support/poppler.js';

const CENTRE = '江州市江北区法律援助中心';
const dataDirs: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-seal-'));
  dataDirs.push(dir);
  return dir;
};
afterAll(() => dataDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('Chinese line breaking', () => {
  it('lets a line break between any two Chinese characters, never before closing or after opening punctuation', () => {
    const pieces = splitForLineBreaking('经审查，符合《法律援助法》规定。').filter(Boolean);
    expect(pieces).toEqual(['经', '审', '查，', '符', '合', '《法', '律', '援', '助', '法》', '规', '定。']);
  });

  it('keeps Latin words and numbers whole and interleaves empty strings so no hyphen is drawn', () => {
    expect(splitForLineBreaking('payroll')).toEqual(['payroll']);
    expect(splitForLineBreaking('（2026）援决字第0012号')).toEqual(['（2026）', '', '援', '', '决', '', '字', '', '第', '', '0012', '', '号', '']);
  });

  it('wraps a long Chinese paragraph inside the margins, with no line starting with closing punctuation', async () => {
    const pdf = await longParagraphPdf();
    const lines = pdfLines(pdf).filter((line) => line.yMin > MARGIN.top - 1 && line.yMin < A4.height - MARGIN.bottom);
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      expect(line.xMin, line.text).toBeGreaterThanOrEqual(MARGIN.left - 0.5);
      expect(line.xMax, line.text).toBeLessThanOrEqual(A4.width - MARGIN.right + 0.5);
      expect(CLOSING_PUNCTUATION, `line starts with ${line.text[0]}: ${line.text}`).not.toContain(line.text[0]);
    }
    // Full lines reach close to the right margin: the text is really wrapped, not cut short.
    const full = lines.filter((line) => line.xMax > A4.width - MARGIN.right - 15);
    expect(full.length).toBeGreaterThan(lines.length / 2);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(LONG_CHINESE.slice(0, 40).replace(/\s+/g, ''));
  });

  it('numbers the pages 第 x 页 共 y 页 and repeats the header on each', async () => {
    const pages = pdfPageTexts(await longParagraphPdf(10));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text.replace(/ +/g, '')).toContain(`第${i + 1}页共${pages.length}页`);
      expect(text).toContain('案号：（2026）江北援字第0318号');
    });
  });
});

describe('Chinese dates', () => {
  it('writes the date under a seal in Chinese numerals', () => {
    expect(chineseOfficialDate('2026-12-01')).toBe('二〇二六年十二月一日');
    expect(chineseOfficialDate('2027-10-31')).toBe('二〇二七年十月三十一日');
    expect(chineseOfficialDate(new Date('2026-11-30T17:00:00Z'))).toBe('二〇二六年十二月一日'); // 01:00 in China
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});

describe('the electronic seal', () => {
  it('generates a development certificate once, says so, and reuses it', () => {
    const dataDir = tempDataDir();
    const first = ensureDevelopmentCertificate(dataDir, CENTRE);
    expect(first.source).toBe(path.join(dataDir, 'seal', 'development-seal.p12'));
    expect(first.notice).toContain('自签名');
    expect(first.notice).toContain('FAYUAN_SEAL_P12');
    const again = ensureDevelopmentCertificate(dataDir, CENTRE);
    expect(again.p12.equals(first.p12)).toBe(true);
    expect(again.passphrase).toBe(first.passphrase);
  });

  it("uses the operator's PKCS#12 when FAYUAN_SEAL_P12 is set, without a development notice", () => {
    const dataDir = tempDataDir();
    const operator = ensureDevelopmentCertificate(tempDataDir(), CENTRE);
    const loaded = loadSealCertificate({ FAYUAN_SEAL_P12: operator.source, FAYUAN_SEAL_PASSPHRASE: operator.passphrase }, dataDir, CENTRE);
    expect(loaded.p12.equals(operator.p12)).toBe(true);
    expect(loaded.notice).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, 'seal'))).toBe(false);
  });

  it('signs so that pdfsig finds the signature valid, and invalid once a byte changes', async () => {
    const certificate = ensureDevelopmentCertificate(tempDataDir(), CENTRE);
    const signed = await signPdf(await letterWithSealArea(CENTRE), certificate, { centreName: CENTRE, reason: '测试文书', location: '江州市' });
    const report = pdfsig(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('adbe.pkcs7.detached');
    expect(report).toContain('Total document signed');
    // The centre's Chinese name survives in the certificate (node-forge would double-encode it).
    expect(report).toContain(`Signer Certificate Common Name: ${CENTRE}`);

    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Producer');
    tampered[at + 1] = 'p'.charCodeAt(0);
    const tamperedReport = pdfsig(tampered);
    expect(tamperedReport).not.toContain('Signature is Valid');
    expect(tamperedReport).toMatch(/Digest Mismatch|Invalid/);
  });

  it('stamps the seal over the signing area and puts the signature widget there', async () => {
    const certificate = ensureDevelopmentCertificate(tempDataDir(), CENTRE);
    const unsigned = await letterWithSealArea(CENTRE);
    expect(pdfText(unsigned)).not.toContain('电子印章');
    const signed = await signPdf(unsigned, certificate, { centreName: CENTRE, reason: '测试文书' });
    expect(signed.includes('fayuan-seal:')).toBe(false);
    expect(pdfText(signed)).toContain('电子印章');

    const page = (await PDFDocument.load(signed)).getPage(0);
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    const widget = [...Array(annots.size()).keys()].map((i) => annots.lookup(i, PDFDict)).find((a) => a.get(PDFName.of('FT'))?.toString() === '/Sig');
    const rect = widget!.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
    expect(rect.width).toBeCloseTo(119, 0); // 42 mm
    // Over the centre's name, in the lower right of the letter.
    expect(rect.x).toBeGreaterThan(A4.width / 2);
    const name = pdfLines(signed).find((line) => line.text === CENTRE)!;
    const nameY = A4.height - name.yMin;
    expect(nameY).toBeGreaterThan(rect.y);
    expect(nameY).toBeLessThan(rect.y + rect.height);
  });
});
