// What a file is, by its first bytes (and, for ZIP containers, the names inside), never by its name.
import type { Label } from '../../../api/plugin-kit.js';

export const fileKinds: Record<string, { label: Label; mimeType: string; extension: string }> = {
  pdf: { label: { zh: 'PDF', en: 'PDF' }, mimeType: 'application/pdf', extension: 'pdf' },
  jpeg: { label: { zh: 'JPEG 图片', en: 'JPEG image' }, mimeType: 'image/jpeg', extension: 'jpg' },
  png: { label: { zh: 'PNG 图片', en: 'PNG image' }, mimeType: 'image/png', extension: 'png' },
  docx: { label: { zh: 'Word 文档（DOCX）', en: 'Word (DOCX)' }, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  ofd: { label: { zh: 'OFD 版式文档', en: 'OFD' }, mimeType: 'application/ofd', extension: 'ofd' },
};

export type FileKind = keyof typeof fileKinds;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/**
 * The names of a ZIP's entries, from its central directory (the list at the end, which every
 * writer fills in, streaming ones included); the local headers from the start otherwise.
 */
function zipEntryNames(data: Uint8Array): string[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const text = new TextDecoder('latin1');
  const names: string[] = [];
  for (let end = data.length - 22; end >= Math.max(0, data.length - 22 - 65_535); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue; // end of central directory
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count && at + 46 <= data.length && view.getUint32(at, true) === 0x02014b50; i++) {
      const nameLength = view.getUint16(at + 28, true);
      names.push(text.decode(data.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    if (names.length) return names;
    break;
  }
  for (let at = 0; at + 30 <= data.length && view.getUint32(at, true) === 0x04034b50 && names.length < 2000; ) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    names.push(text.decode(data.subarray(at + 30, at + 30 + nameLength)));
    if (view.getUint16(at + 6, true) & 0x08 && compressed === 0) break; // size unknown until the data ends
    at += 30 + nameLength + view.getUint16(at + 28, true) + compressed;
  }
  return names;
}

export function sniffKind(data: Uint8Array): FileKind | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(data);
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n === 'OFD.xml' || n.endsWith('/OFD.xml'))) return 'ofd';
  }
  return null;
}
