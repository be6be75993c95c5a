// Inside a worker thread: renders case files sent by the pool, one at a time.
import { parentPort } from 'node:worker_threads';
import { renderCaseFile, type CaseFileAttachment, type CaseFileData } from '../render.js';

parentPort!.on('message', async ({ id, data, attachments }: { id: number; data: CaseFileData; attachments: CaseFileAttachment[] }) => {
  try {
    const pdf = await renderCaseFile(data, attachments);
    const bytes = new Uint8Array(pdf); // its own buffer (a Buffer may share a pool), handed over without a copy
    parentPort!.postMessage({ id, pdf: bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
