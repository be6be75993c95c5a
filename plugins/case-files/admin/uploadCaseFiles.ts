// POST /api/cases/:id/files as multipart, through XMLHttpRequest so that the upload's progress
// can be shown (fetch reports none). Same cookie and language as the console's other requests.
import { acceptLanguage } from '../../../admin/src/dataProvider.js';

export interface UploadRequest {
  caseId: unknown;
  itemKey: string;
  files: File[];
  /** The id of the file these replace (one file then). */
  replaces?: number;
  locale: string;
  onProgress: (fraction: number) => void;
}

/** Rejected uploads look like fetchJson's HttpError, so `refusalOf` reads both. */
export class UploadError extends Error {
  constructor(message: string, readonly status: number, readonly body: unknown) {
    super(message);
  }
}

export function uploadCaseFiles({ caseId, itemKey, files, replaces, locale, onProgress }: UploadRequest): Promise<unknown> {
  const form = new FormData();
  form.append('itemKey', itemKey);
  if (replaces !== undefined) form.append('replaces', String(replaces));
  for (const file of files) form.append('file', file, file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${caseId}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', acceptLanguage(locale));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON (a proxy's page): the status alone says what happened
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body);
      } else {
        const message = (body as { message?: string } | null)?.message ?? xhr.statusText;
        reject(new UploadError(message, xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new UploadError('', 0, null));
    xhr.onabort = () => reject(new UploadError('', 0, null));
    xhr.send(form);
  });
}
