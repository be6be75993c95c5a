// A worker thread's entry: TypeScript through tsx's loader, then the renderer named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
