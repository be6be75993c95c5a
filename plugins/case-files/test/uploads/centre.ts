// What the upload specs (plugins/case-files/test/uploads/*.test.ts) share: the centre they run on, its two
// cases, and helpers to read files back (rows, downloads, Content-Disposition names, checklist items).
import { beforeAll, afterAll, expect } from 'vitest';
import path from 'node:path';
import { startTestFayuan, type TestFayuan } from '../../../../test/support/fayuan.js';
import { filesUnder, newCase, otherEligibleLawyer, transition, type Json } from '../support.js';

export let t: TestFayuan;
export let mine: number; // an in-progress civil case of the demo lawyer
export let theirs: number; // an in-progress civil case of another lawyer

const filesDir = () => path.join(t.fayuan.context.config.dataDir, 'files');

/** What the centre's file store holds: file paths (FILE_STORE=local) or keys (FILE_STORE=database). */
export async function storedFiles(): Promise<string[]> {
  if (t.fayuan.context.config.fileStore === 'local') return filesUnder(filesDir());
  return (await t.database.db.selectFrom('file_blobs').select('key').orderBy('key').execute()).map((r) => String(r.key));
}

export async function fileRows(): Promise<number> {
  const { n } = await t.database.db.selectFrom('case_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export async function download(role: 'admin' | 'supervisor' | 'lawyer' | 'reviewer', id: number, query = '') {
  return t.api(role, `/api/case-files/${id}/download${query}`);
}

/** The file name of a content-disposition header's RFC 5987 `filename*`. */
export function dispositionName(header: string | null): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (!match) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]);
}

export function itemOf(list: Json, key: string): Json {
  return list.items.find((i: Json) => i.key === key);
}
/** Starts a centre of 20 cases with case-files enabled, an in-progress civil case of the demo lawyer (`mine`) and one of another lawyer (`theirs`). */
export function setUpUploadCentre() {
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 20, plugins: ['case-files'] });
    mine = await newCase(t, { caseType: 'civil' });
    const other = await newCase(t, { caseType: 'civil', until: 'applied' });
    for (const [action, payload] of [['review', {}], ['accept', {}]] as const) await transition(t, 'admin', other, action, payload);
    const res = await transition(t, 'admin', other, 'assign', { lawyerId: await otherEligibleLawyer(t, other) });
    expect(res.status).toBe(200);
    theirs = other;
  });
  afterAll(async () => {
    await t?.close();
  });
}
