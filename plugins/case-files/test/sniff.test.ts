// sniffKind decides a file's type from its bytes alone, never from its name.
import { describe, expect, it } from 'vitest';
import { fileKinds, sniffKind } from '../server/sniff.js';
import { docx, exe, jpeg, ofd, pdf, png, zip, zipNames, PNG_SIGNATURE } from './support.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffKind', () => {
  describe('recognises each accepted kind by its content', () => {
    it('recognises a PDF by its %PDF- header', () => {
      expect(sniffKind(pdf())).toBe('pdf');
      expect(sniffKind(text('%PDF-1.7\nstartxref\n0\n%%EOF\n'))).toBe('pdf'); // issue #8: the trailer is required too
    });

    it('recognises a PNG by its 8-byte signature followed by IHDR', () => {
      const data = png();
      expect(new TextDecoder().decode(data.subarray(12, 16))).toBe('IHDR');
      expect(sniffKind(data)).toBe('png');
    });

    it('recognises a JPEG by FF D8 FF', () => {
      expect(sniffKind(jpeg())).toBe('jpeg');
      // Quantisation table first, as cameras write; issue #8: the frame header (its dimensions) must follow.
      expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]))).toBe('jpeg');
    });

    it('recognises a DOCX whose first entry is [Content_Types].xml and whose word/document.xml comes last', () => {
      const data = docx();
      expect(zipNames(data)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
      expect(sniffKind(data)).toBe('docx');
    });

    it('recognises a DOCX whose entries are deflated', () => {
      expect(sniffKind(docx('判决书', { deflate: true }))).toBe('docx');
    });

    it('recognises an OFD by its OFD.xml entry, even when another entry comes first', () => {
      expect(sniffKind(ofd())).toBe('ofd');
      const data = ofd({ entryFirst: 'Doc_0/Signs/Signatures.xml', deflate: true });
      expect(zipNames(data)[0]).toBe('Doc_0/Signs/Signatures.xml');
      expect(sniffKind(data)).toBe('ofd');
    });

    // Go's archive/zip, Java's ZipOutputStream (deflated entries) and other streaming writers put
    // the sizes after each entry's data (general-purpose flag bit 3) and zeros in the local header;
    // the central directory at the end still lists every entry.
    it('recognises a DOCX written by a streaming ZIP writer (sizes in data descriptors)', () => {
      const data = docx('辩护词', { deflate: true, dataDescriptor: true });
      expect(zipNames(data)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
      expect(sniffKind(data)).toBe('docx');
    });

    it('recognises an OFD written by a streaming ZIP writer whose first entry is not OFD.xml', () => {
      expect(sniffKind(ofd({ entryFirst: 'Doc_0/Res/Public.xml', deflate: true, dataDescriptor: true }))).toBe('ofd');
    });

    it('knows exactly the five kinds of the checklist', () => {
      expect(Object.keys(fileKinds).sort()).toEqual(['docx', 'jpeg', 'ofd', 'pdf', 'png']);
    });
  });

  describe('refuses everything else', () => {
    it('refuses an empty file', () => {
      expect(sniffKind(new Uint8Array(0))).toBeNull();
    });

    it('refuses plain text, even text that mentions PDF', () => {
      expect(sniffKind(text('这是一个文本文件，不是 PDF'))).toBeNull();
      expect(sniffKind(text(' %PDF-1.4'))).toBeNull(); // the header must come first
      expect(sniffKind(text('%PDF'))).toBeNull();
    });

    it('refuses a Windows executable', () => {
      expect(sniffKind(exe())).toBeNull();
    });

    it('refuses truncated signatures', () => {
      expect(sniffKind(new Uint8Array([0xff, 0xd8]))).toBeNull();
      expect(sniffKind(new Uint8Array(PNG_SIGNATURE.slice(0, 7)))).toBeNull();
      expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03]))).toBeNull();
    });

    it('refuses HTML and SVG, which a browser would run', () => {
      expect(sniffKind(text('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
      expect(sniffKind(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    });

    it('refuses a ZIP that is neither a Word document nor an OFD', () => {
      expect(sniffKind(zip([{ name: 'readme.txt', data: 'hello' }, { name: 'setup.exe', data: exe() }]))).toBeNull();
    });

    it('refuses other office documents: an Excel workbook and an OpenDocument text', () => {
      const xlsx = zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
      const odt = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<office:document-content/>' }]);
      expect(sniffKind(xlsx)).toBeNull();
      expect(sniffKind(odt)).toBeNull();
    });

    it('refuses a ZIP that merely has a file called OFD.xml.bak', () => {
      expect(sniffKind(zip([{ name: 'OFD.xml.bak', data: '<x/>' }]))).toBeNull();
    });

    it('refuses a ZIP whose header lies about its sizes without crashing', () => {
      const data = docx();
      new DataView(data.buffer).setUint32(18, 0xfffffff0, true); // first entry's compressed size
      expect(() => sniffKind(data)).not.toThrow();
    });
  });
});
