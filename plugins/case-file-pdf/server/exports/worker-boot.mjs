// A worker thread's entry: the renderer named in workerData, TypeScript through tsx's loader.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.entry);
