// What the reliability tests and the load benchmark do to a running server: find open cases,
// upload PDFs to their checklists, run a command-line tool on the server's data.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server.js';

export type ApiFetch = (path: string, init?: RequestInit) => Promise<Response>;
export const json = { 'content-type': 'application/json' };

/** Up to `count` cases in progress (open to edits and uploads), newest first. */
export async function casesInProgress(api: ApiFetch, count: number): Promise<{ id: number; [field: string]: unknown }[]> {
  const query = `filter=${encodeURIComponent('{"status":"in_progress"}')}&range=${encodeURIComponent(`[0,${count - 1}]`)}&sort=${encodeURIComponent('["id","DESC"]')}`;
  const res = await api(`/api/cases?${query}`);
  if (!res.ok) throw new Error(`listing cases answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** A checklist item of the case that accepts a PDF. */
export async function pdfItemKey(api: ApiFetch, caseId: number): Promise<string> {
  const res = await api(`/api/cases/${caseId}/checklist`);
  if (!res.ok) throw new Error(`checklist of case ${caseId} answered ${res.status}: ${await res.text()}`);
  const { items } = (await res.json()) as { items: { key: string; acceptedTypes: string[] }[] };
  const item = items.find((i) => i.acceptedTypes.includes('pdf'));
  if (!item) throw new Error(`case ${caseId} has no checklist item that accepts a PDF`);
  return item.key;
}

export function uploadPdf(api: ApiFetch, caseId: number, itemKey: string, data: Uint8Array, name: string): Promise<Response> {
  const form = new FormData();
  form.set('itemKey', itemKey);
  form.append('file', new File([new Uint8Array(data)], name, { type: 'application/pdf' }));
  return api(`/api/cases/${caseId}/files`, { method: 'POST', body: form });
}

export interface CliRun {
  code: number | null;
  output: string;
}

/** `tsx api/cli/<name>.ts …args` with the given data directory and database (as the operator runs `npm run <name>`). */
export function runCli(name: string, args: string[], target: { dataDir: string; databaseUrl?: string }): Promise<CliRun> {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(ROOT, 'api', 'cli', `${name}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
