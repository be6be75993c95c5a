// What a file is, by its first bytes (and, for ZIP containers, the names inside), never by its name.
import type { Label } from '../../../api/resources/define.js';

export const fileKinds: Record<string, { label: Label; mimeType: string; extension: string }> = {
  pdf: { label: { zh: 'PDF', en: 'PDF' }, mimeType: 'application/pdf', extension: 'pdf' },
  jpeg: { label: { zh: 'JPEG 图片', en: 'JPEG image' }, mimeType: 'image/jpeg', extension: 'jpg' },
  png: { label: { zh: 'PNG 图片', en: 'PNG image' }, mimeType: 'image/png', extension: 'png' },
  docx: { label: { zh: 'Word 文档（DOCX）', en: 'Word (DOCX)' }, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  ofd: { label: { zh: 'OFD 版式文档', en: 'OFD' }, mimeType: 'application/ofd', extension: 'ofd' },
};

export type FileKind = keyof typeof fileKinds;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** The names of a ZIP's entries, read from its local file headers. */
function zipEntryNames(data: Uint8Array): string[] {
  const names: string[] = [];
  const text = new TextDecoder('latin1');
  for (let i = 0; i + 30 < data.length && names.length < 2000; ) {
    if (!(data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x03 && data[i + 3] === 0x04)) break;
    const view = new DataView(data.buffer, data.byteOffset + i);
    const compressed = view.getUint32(18, true);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    names.push(text.decode(data.subarray(i + 30, i + 30 + nameLength)));
    const flags = view.getUint16(6, true);
    if (flags & 0x08 && compressed === 0) break; // sizes follow the data: stop scanning, the names so far decide
    i += 30 + nameLength + extraLength + compressed;
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
