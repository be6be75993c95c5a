// Helpers for the case-files tests: real file bytes (PDF, PNG, JPEG, and DOCX/OFD built with a
// tiny ZIP writer), cases driven through the real transitions, and multipart uploads.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ORIGIN, type Role, type TestFayuan } from '../../../test/support/fayuan.js';
import { pdfFile } from '../../../test/support/pdf-file.js';

const encoder = new TextEncoder();
const bytes = (data: Uint8Array | string) => (typeof data === 'string' ? encoder.encode(data) : data);

export function sha256(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (ZIP and PNG)

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// A ZIP writer: stored or deflated entries, sizes in the local headers or (as streaming writers
// such as Go's archive/zip or Java's ZipOutputStream do) in data descriptors after the data.

export interface ZipOptions {
  deflate?: boolean;
  dataDescriptor?: boolean;
}

export function zip(entries: { name: string; data: Uint8Array | string }[], { deflate = false, dataDescriptor = false }: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const flags = 0x0800 | (dataDescriptor ? 0x0008 : 0); // UTF-8 names
  const method = deflate ? 8 : 0;
  const dosTime = (10 << 11) | (30 << 5); // 10:30:00
  const dosDate = ((2026 - 1980) << 9) | (3 << 5) | 10; // 2026-03-10
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const raw = bytes(entry.data);
    const stored = deflate ? new Uint8Array(zlib.deflateRawSync(raw)) : raw;
    const crc = crc32(raw);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint16(10, dosTime, true);
    local.setUint16(12, dosDate, true);
    local.setUint32(14, dataDescriptor ? 0 : crc, true);
    local.setUint32(18, dataDescriptor ? 0 : stored.length, true);
    local.setUint32(22, dataDescriptor ? 0 : raw.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    const localBytes = concat([new Uint8Array(local.buffer), name, stored]);
    let descriptor = new Uint8Array(0);
    if (dataDescriptor) {
      const d = new DataView(new ArrayBuffer(16));
      d.setUint32(0, 0x08074b50, true);
      d.setUint32(4, crc, true);
      d.setUint32(8, stored.length, true);
      d.setUint32(12, raw.length, true);
      descriptor = new Uint8Array(d.buffer);
    }
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, flags, true);
    header.setUint16(10, method, true);
    header.setUint16(12, dosTime, true);
    header.setUint16(14, dosDate, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, stored.length, true);
    header.setUint32(24, raw.length, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    central.push(concat([new Uint8Array(header.buffer), name]));
    parts.push(localBytes, descriptor);
    offset += localBytes.length + descriptor.length;
  }
  const directory = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concat([...parts, directory, new Uint8Array(end.buffer)]);
}

/** Reads a ZIP back through its central directory (to check the writer itself). */
export function zipNames(data: Uint8Array): string[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Real minimal files

/** A one-page PDF showing its title. */
export function pdf(title = 'Fayuan test'): Uint8Array {
  return pdfFile(title);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new DataView(new ArrayBuffer(8));
  head.setUint32(0, data.length);
  const typed = concat([encoder.encode(type), data]);
  const crc = new DataView(new ArrayBuffer(4));
  crc.setUint32(0, crc32(typed));
  return concat([new Uint8Array(head.buffer, 0, 4), typed, new Uint8Array(crc.buffer)]);
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A 1×1 grey PNG: signature, IHDR, IDAT, IEND, each chunk with its CRC. */
export function png(): Uint8Array {
  const ihdr = new DataView(new ArrayBuffer(13));
  ihdr.setUint32(0, 1);
  ihdr.setUint32(4, 1);
  ihdr.setUint8(8, 8); // bit depth
  ihdr.setUint8(9, 0); // greyscale
  return concat([
    new Uint8Array(PNG_SIGNATURE),
    pngChunk('IHDR', new Uint8Array(ihdr.buffer)),
    pngChunk('IDAT', new Uint8Array(zlib.deflateSync(Buffer.from([0, 0x80])))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** SOI, a JFIF APP0 segment, a frame header and EOI. */
export function jpeg(): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, // SOF0: 8 bits, 1×1, one component
    0xff, 0xd9,
  ]);
}

const contentTypes = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rootRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentXml = (text: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** A Word document as Word lays it out: [Content_Types].xml first, word/document.xml last. */
export function docx(text = '代理词', options: ZipOptions = {}): Uint8Array {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'word/document.xml', data: documentXml(text) },
  ], options);
}

/** An OFD (GB/T 33190) package: OFD.xml names the document under Doc_0/. */
export function ofd(options: ZipOptions & { entryFirst?: string } = {}): Uint8Array {
  const entries = [
    { name: 'OFD.xml', data: '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>fayuan</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' },
    { name: 'Doc_0/Document.xml', data: '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID></ofd:CommonData></ofd:Document>' },
  ];
  if (options.entryFirst) entries.unshift({ name: options.entryFirst, data: 'x' });
  return zip(entries, options);
}

/** A DOS/PE executable's first bytes. */
export function exe(): Uint8Array {
  const data = new Uint8Array(256);
  data.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
  data.set(encoder.encode('This program cannot be run in DOS mode.'), 0x4e);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Cases and uploads

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function json(res: Response): Promise<Json> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function demoLawyerId(t: TestFayuan): Promise<number> {
  const meta = await json(await t.api('lawyer', '/api/meta'));
  return Number(meta.user.lawyerId);
}

export async function transition(t: TestFayuan, role: Role, caseId: number, action: string, body: Record<string, unknown> = {}) {
  return t.api(role, `/api/cases/${caseId}/transitions/${action}`, { method: 'POST', body });
}

/** A notified case (no means test) created by the admin and moved on to `until` (assigned to `lawyerId`). */
export async function newCase(
  t: TestFayuan,
  { caseType = 'civil', lawyerId, criminalStage, until = 'in_progress' }: { caseType?: string; lawyerId?: number; criminalStage?: string; until?: 'applied' | 'assigned' | 'in_progress' } = {},
): Promise<number> {
  const body: Record<string, unknown> = { applicantName: '测试申请人', caseType, channel: 'notified', causeOfAction: '劳动争议' };
  if (criminalStage) body.criminalStage = criminalStage;
  if (caseType === 'criminal') body.criminalRole = 'defendant';
  const res = await t.api('admin', '/api/cases', { method: 'POST', body });
  const created = await json(res);
  if (res.status !== 201) throw new Error(`creating a case answered ${res.status}: ${JSON.stringify(created)}`);
  if (until === 'applied') return created.id;
  const lawyer = lawyerId ?? (await demoLawyerId(t));
  const steps: [string, Record<string, unknown>][] = [['review', {}], ['accept', {}], ['assign', { lawyerId: lawyer, assignmentMethod: 'assigned' }]];
  if (until === 'in_progress') steps.push(['start', {}]);
  for (const [action, payload] of steps) {
    const moved = await transition(t, 'admin', created.id, action, payload);
    if (moved.status !== 200) throw new Error(`${action} on case ${created.id} answered ${moved.status}: ${await moved.text()}`);
  }
  return created.id;
}

/** An active lawyer other than the demo lawyer whom the assignment rules allow on this case. */
export async function otherEligibleLawyer(t: TestFayuan, caseId: number): Promise<number> {
  const mine = await demoLawyerId(t);
  const list = await json(await t.api('admin', `/api/cases/${caseId}/eligible-lawyers`));
  const other = list.find((l: Json) => l.eligible && l.id !== mine);
  if (!other) throw new Error('no other eligible lawyer');
  return other.id;
}

export interface Upload {
  name: string;
  data: Uint8Array;
}

export async function upload(t: TestFayuan, role: Role, caseId: number, itemKey: string, files: Upload | Upload[], extra: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set('itemKey', itemKey);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  for (const file of [files].flat()) form.append('file', new File([new Uint8Array(file.data)], file.name));
  return t.fayuan.app.request(`/api/cases/${caseId}/files`, {
    method: 'POST',
    headers: { cookie: await t.cookieOf(role), origin: ORIGIN },
    body: form,
  });
}

/** Uploads one PDF and expects it stored. */
export async function uploadOk(t: TestFayuan, role: Role, caseId: number, itemKey: string, name = `${itemKey}.pdf`, data = pdf(itemKey)): Promise<Json> {
  const res = await upload(t, role, caseId, itemKey, { name, data });
  const body = await json(res);
  if (res.status !== 201) throw new Error(`upload of ${itemKey} to case ${caseId} answered ${res.status}: ${JSON.stringify(body)}`);
  return body[0];
}

export async function checklist(t: TestFayuan, caseId: number, role: Role = 'admin'): Promise<Json> {
  const res = await t.api(role, `/api/cases/${caseId}/checklist`);
  const body = await json(res);
  if (res.status !== 200) throw new Error(`checklist of case ${caseId} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Uploads every required item of the case's checklist supplied by `by` (lawyer items as the lawyer, centre items as the admin). */
export async function completeItems(t: TestFayuan, caseId: number, by: 'lawyer' | 'centre') {
  const list = await checklist(t, caseId);
  for (const item of list.items) {
    if (item.required && item.suppliedBy === by && !item.files.length) await uploadOk(t, by === 'lawyer' ? 'lawyer' : 'admin', caseId, item.key);
  }
}

/** Every file under a directory, as relative paths. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** A case taken all the way to `closed` or `archived` through the transitions, its file complete. */
export async function finishedCase(t: TestFayuan, caseType: string, until: 'closed' | 'archived' = 'archived', criminalStage?: string): Promise<number> {
  const id = await newCase(t, { caseType, criminalStage });
  await completeItems(t, id, 'lawyer');
  const steps: [Role, string, Record<string, unknown>][] = [['lawyer', 'submit-closing', {}]];
  for (const [role, action, payload] of steps) {
    const res = await transition(t, role, id, action, payload);
    if (res.status !== 200) throw new Error(`${action} on case ${id} answered ${res.status}: ${await res.text()}`);
  }
  await completeItems(t, id, 'centre');
  const closing: [string, Record<string, unknown>][] = [['close', { outcome: '调解结案', amountRecovered: 12000 }]];
  if (until === 'archived') closing.push(['archive', {}]);
  for (const [action, payload] of closing) {
    const res = await transition(t, 'admin', id, action, payload);
    if (res.status !== 200) throw new Error(`${action} on case ${id} answered ${res.status}: ${await res.text()}`);
  }
  return id;
}

/** The template called `name`, as the admin reads it. */
export async function templateNamed(t: TestFayuan, name: string): Promise<Json> {
  const list = await json(await t.api('admin', '/api/case-file-templates?range=[0,999]'));
  const found = list.find((x: Json) => x.name === name);
  if (!found) throw new Error(`no template ${name}`);
  return found;
}
