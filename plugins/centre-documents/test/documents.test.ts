import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDevelopmentCertificate, signPdf } from '../../../api/plugin-kit-pdf.js';
import { pdfPageCount, pdfsig, pdfText } from '../../../test/support/poppler.js';
import {
  DEFAULT_NUMBER_FORMATS,
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  formatDocumentNumber,
  renderDocument,
  type DocumentKind,
} from '../server/templates/index.js';
import { CENTRE, sampleDocument } from './sample-documents.js';

/** pdftotext's text with the layout's spaces and line breaks taken out, so wrapped sentences read whole. */
const flatText = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');

const WORDING: Record<DocumentKind, string[]> = {
  decision_grant: [
    '王秀兰：',
    '你（单位）于2026年11月24日申请的追索劳动报酬纠纷一案，经审查，符合法律援助条件。',
    '根据《中华人民共和国法律援助法》第四十三条的规定，决定给予法律援助，提供法律援助的方式为劳动争议仲裁及民事诉讼代理。',
    '本机构已指派江苏明德律师事务所李建国律师为你（单位）提供法律援助。',
  ],
  decision_refuse: [
    '经审查，申请人家庭人均月收入高于本市法律援助经济困难标准，不符合法律援助条件。',
    '决定不予法律援助。',
    '如对本决定有异议，可以依照《中华人民共和国法律援助法》第四十九条的规定，向江州市江北区司法局提出异议。',
  ],
  assignment_notice: ['江苏明德律师事务所：', '（案号：（2026）江北援字第0318号）给予法律援助', '现指派你所李建国律师承办。', '附：给予法律援助决定书；法律援助申请材料'],
  official_letter: ['江州市江北区人民法院：', '指派江苏明德律师事务所李建国律师担任其委托诉讼代理人。', '特此函告。', '联系人：张敏'],
  termination: [
    '本机构于2026年11月27日决定给予法律援助的追索劳动报酬纠纷一案',
    '根据《中华人民共和国法律援助法》第四十八条的规定，决定终止法律援助。',
    '第四十九条',
  ],
  change_notice: [
    '王秀兰：',
    '本机构对你（单位）追索劳动报酬纠纷一案（案号：（2026）江北援字第0318号）给予法律援助，原指派江苏正和律师事务所赵明律师承办。',
    '因法律援助人员申请退出（原承办律师因病长期休养），根据《办理法律援助案件程序规定》的有关规定，本机构决定更换法律援助人员，现指派江苏明德律师事务所李建国律师继续承办。',
    '原法律援助人员自本通知送达之日起不再承办本案',
    '特此通知。',
    '抄送：江苏正和律师事务所、江苏明德律师事务所',
  ],
  closing_approval: ['（2026）江北援字第0318号', '调解结案，用人单位支付拖欠工资及经济补偿', '48,600.00元', '2,400.00元', '同意结案，按优秀等级发放办案补贴。', '签名：陈志强2026年12月1日'],
};

describe('the centre’s documents', () => {
  it.each(DOCUMENT_KINDS)('renders %s on one A4 page with its title, number, wording, centre and date', async (kind) => {
    const pdf = await renderDocument(kind, sampleDocument);
    expect(pdfPageCount(pdf)).toBe(1);
    const text = flatText(pdf);
    expect(text).toContain(DOCUMENT_TITLES[kind]);
    expect(text).toContain('（2026）援决字第0012号');
    expect(text.split(CENTRE).length - 1).toBeGreaterThanOrEqual(2); // issuer on top, signature at the bottom
    expect(text).toContain('二〇二六年十二月一日');
    for (const phrase of WORDING[kind]) expect(text).toContain(phrase);
  });

  it('numbers documents from the numbering format setting', () => {
    expect(formatDocumentNumber(DEFAULT_NUMBER_FORMATS.decision_grant, { year: 2026, seq: 12 })).toBe('（2026）援决字第0012号');
    expect(formatDocumentNumber(DEFAULT_NUMBER_FORMATS.change_notice, { year: 2026, seq: 3 })).toBe('（2026）援更字第0003号');
    expect(formatDocumentNumber('江北援函〔{year}〕{seq}号', { year: 2027, seq: 305 })).toBe('江北援函〔2027〕305号');
  });

  it('refuses to render a refusal without its reasons or a letter without its addressee', async () => {
    await expect(renderDocument('decision_refuse', { ...sampleDocument, reasons: undefined })).rejects.toThrow(/reasons/);
    await expect(renderDocument('official_letter', { ...sampleDocument, authority: undefined })).rejects.toThrow(/authority/);
    await expect(renderDocument('closing_approval', { ...sampleDocument, closing: undefined })).rejects.toThrow(/closing/);
    await expect(renderDocument('change_notice', { ...sampleDocument, change: undefined })).rejects.toThrow(/change/);
  });

  it('cites the articles the caller gives instead of the default', async () => {
    const pdf = await renderDocument('decision_grant', { ...sampleDocument, legalBasis: '第三十一条、第四十二条、第四十三条' });
    expect(flatText(pdf)).toContain('根据《中华人民共和国法律援助法》第三十一条、第四十二条、第四十三条的规定，决定给予法律援助');
  });

  describe('sealed', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-docs-'));
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it.each(['decision_grant', 'closing_approval', 'change_notice'] as const)('carries the seal and a signature pdfsig finds valid (%s)', async (kind) => {
      const unsigned = await renderDocument(kind, sampleDocument);
      expect(flatText(unsigned)).not.toContain('电子印章');
      const signed = await signPdf(unsigned, ensureDevelopmentCertificate(dataDir, CENTRE), {
        centreName: CENTRE,
        reason: `${DOCUMENT_TITLES[kind]} ${sampleDocument.number}`,
      });
      expect(flatText(signed)).toContain('电子印章');
      expect(pdfsig(signed)).toContain('Signature is Valid.');
    });
  });
});
