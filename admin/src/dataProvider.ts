// ra-data-simple-rest on /api, through the console's one HTTP client (cookie, language, refusals).
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetManyParams, RaRecord } from 'react-admin';
import { createHttpClient } from './apiClient.js';

/** The server pages lists by `range`; at most this many rows come back at once. */
const MAX_ROWS = 1000;

export function createDataProvider(getLocale: () => string, apiUrl = '/api'): DataProvider {
  // Its HttpError carries the body: body.errors reach the form fields.
  const httpClient = createHttpClient(getLocale);
  const base = simpleRestProvider(apiUrl, httpClient);
  return {
    ...base,
    // simple-rest's getMany sends no range, and the server then answers its default first page only:
    // ask for as many rows as there are ids (a volunteer team can have a hundred members).
    getMany: async <RecordType extends RaRecord>(resource: string, params: GetManyParams<RecordType>) => {
      const ids = [...new Set(params.ids)];
      const data: RecordType[] = [];
      for (let start = 0; start < ids.length; start += MAX_ROWS) {
        const chunk = ids.slice(start, start + MAX_ROWS);
        const query = new URLSearchParams({
          filter: JSON.stringify({ id: chunk }),
          range: JSON.stringify([0, chunk.length - 1]),
        });
        const { json } = await httpClient(`${apiUrl}/${resource}?${query}`, { signal: params.signal });
        data.push(...(json as RecordType[]));
      }
      return { data };
    },
  };
}
