// POST /api/cases/:id/files as multipart, through the console's API client, whose upload reports
// the files' progress; a refusal rejects as react-admin's HttpError, like every other request.
import type { ApiClient } from '../../../admin/src/plugin-kit.js';

export interface UploadRequest {
  caseId: unknown;
  itemKey: string;
  files: File[];
  /** The id of the file these replace (one file then). */
  replaces?: number;
  onProgress: (fraction: number) => void;
}

export function uploadCaseFiles(api: ApiClient, { caseId, itemKey, files, replaces, onProgress }: UploadRequest): Promise<unknown> {
  const form = new FormData();
  form.append('itemKey', itemKey);
  if (replaces !== undefined) form.append('replaces', String(replaces));
  for (const file of files) form.append('file', file, file.name);
  return api.upload(`/api/cases/${caseId}/files`, form, { onProgress });
}
