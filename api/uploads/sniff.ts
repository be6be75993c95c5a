// What a file is, by its first bytes (and, for ZIP containers, the names inside), never by its name.
import type { Label } from '../resources/define.js';

export const fileKinds: Record<string, { label: Label; mimeType: string; extension: string }> = {
  pdf: { label: { zh: 'PDF', en: 'PDF' }, mimeType: 'application/pdf', extension: 'pdf' },
  jpeg: { label: { zh: 'JPEG 图片', en: 'JPEG image' }, mimeType: 'image/jpeg', extension: 'jpg' },
  png: { label: { zh: 'PNG 图片', en: 'PNG image' }, mimeType: 'image/png', extension: 'png' },
  docx: { label: { zh: 'Word 文档（DOCX）', en: 'Word (DOCX)' }, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  ofd: { label: { zh: 'OFD 版式文档', en: 'OFD' }, mimeType: 'application/ofd', extension: 'ofd' },
};

export type FileKind = keyof typeof fileKinds;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/**
 * The entries of a ZIP, from its central directory (the list at the end, which every writer
 * fills in, streaming ones included); the local headers from the start otherwise. Sizes are the
 * ones the archive declares.
 */
function zipEntries(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const text = new TextDecoder('latin1');
  const entries: ZipEntry[] = [];
  for (let end = data.length - 22; end >= Math.max(0, data.length - 22 - 65_535); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue; // end of central directory
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count && at + 46 <= data.length && view.getUint32(at, true) === 0x02014b50; i++) {
      const nameLength = view.getUint16(at + 28, true);
      entries.push({ name: text.decode(data.subarray(at + 46, at + 46 + nameLength)), compressed: view.getUint32(at + 20, true), uncompressed: view.getUint32(at + 24, true) });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    if (entries.length) return entries;
    break;
  }
  for (let at = 0; at + 30 <= data.length && view.getUint32(at, true) === 0x04034b50 && entries.length < 2000; ) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    entries.push({ name: text.decode(data.subarray(at + 30, at + 30 + nameLength)), compressed, uncompressed: view.getUint32(at + 22, true) });
    if (view.getUint16(at + 6, true) & 0x08 && compressed === 0) return []; // sizes unknown until the data ends: no central directory to trust
    at += 30 + nameLength + view.getUint16(at + 28, true) + compressed;
  }
  return entries;
}

export interface SniffLimits {
  /** The most a ZIP-based document (DOCX, OFD) may hold once unpacked, in bytes (setting uploadUnzippedLimitMb). */
  maxUnzippedBytes: number;
}

/** What no document package carries: programs, scripts, archives inside the archive, paths out of it. */
const foreignEntry = /(^|\/)\.\.(\/|$)|^\/|\\|\.(exe|dll|com|scr|bat|cmd|ps1|vbs|js|jar|msi|sh|zip|rar|7z|gz|tar)$/i;
const ZIP_ENTRIES_MAX = 2000;
/** Deflate packs text well but not endlessly: beyond this ratio an entry is a bomb. */
const RATIO_MAX = 200;

function isSafePackage(entries: ZipEntry[], limits: SniffLimits): boolean {
  if (!entries.length || entries.length > ZIP_ENTRIES_MAX) return false;
  if (entries.some((e) => foreignEntry.test(e.name))) return false;
  if (entries.some((e) => e.uncompressed > 1024 * 1024 && e.uncompressed > RATIO_MAX * Math.max(e.compressed, 1))) return false;
  return entries.reduce((sum, e) => sum + e.uncompressed, 0) <= limits.maxUnzippedBytes;
}

/**
 * %PDF- at the start, and a trailer at the end: %%EOF last, after `startxref <offset>` or a
 * `trailer` dictionary (what a reader starts from).
 */
function isPdf(data: Uint8Array): boolean {
  let end = data.length;
  while (end > 5 && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(data[end - 1])) end--; // white space after the trailer is allowed
  const tail = new TextDecoder('latin1').decode(data.subarray(Math.max(5, end - 64 * 1024), end));
  if (!tail.endsWith('%%EOF')) return false;
  const trailer = tail.slice(Math.max(0, tail.lastIndexOf('trailer'))); // one place to match from, so matching stays linear
  return /startxref\s+\d+\s+%%EOF$/.test(tail) || /^trailer\s*<<[\s\S]*>>\s*(startxref\s+\d+\s+)?%%EOF$/.test(trailer);
}

/** The IHDR chunk first, with a width and a height. */
function isPng(data: Uint8Array): boolean {
  if (data.length < 33) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const ihdr = new TextDecoder('latin1').decode(data.subarray(12, 16)) === 'IHDR' && view.getUint32(8) === 13;
  return ihdr && view.getUint32(16) > 0 && view.getUint32(20) > 0;
}

/** Segments from SOI up to a start-of-frame marker that gives a width and a height. */
function isJpeg(data: Uint8Array): boolean {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 2; at + 4 <= data.length; ) {
    if (data[at] !== 0xff) return false;
    const marker = data[at + 1];
    if (marker === 0xff) { at++; continue; } // fill byte
    if (marker === 0xd9 || marker === 0xda) return false; // end of image or scan data before any frame
    const length = view.getUint16(at + 2);
    if (length < 2) return false;
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame) return at + 9 <= data.length && view.getUint16(at + 5) > 0 && view.getUint16(at + 7) > 0;
    at += 2 + length;
  }
  return false;
}

export function sniffKind(data: Uint8Array, limits: SniffLimits = { maxUnzippedBytes: 100 * 1024 * 1024 }): FileKind | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return isPdf(data) ? 'pdf' : null; // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return isJpeg(data) ? 'jpeg' : null;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return isPng(data) ? 'png' : null;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const entries = zipEntries(data);
    if (!isSafePackage(entries, limits)) return null;
    const names = new Set(entries.map((e) => e.name));
    if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return 'docx';
    if ([...names].some((n) => n === 'OFD.xml' || n.endsWith('/OFD.xml'))) return 'ofd';
  }
  return null;
}
