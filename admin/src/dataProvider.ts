// ra-data-simple-rest on /api, with the session cookie and the console's language on every request.
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type GetManyParams, type RaRecord } from 'react-admin';

/** The Accept-Language the server reads: English when it starts with `en`, Chinese otherwise. */
export function acceptLanguage(locale: string): 'zh-CN' | 'en' {
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** The server pages lists by `range`; at most this many rows come back at once. */
const MAX_ROWS = 1000;

export function createDataProvider(getLocale: () => string, apiUrl = '/api'): DataProvider {
  const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Accept-Language', acceptLanguage(getLocale()));
    // fetchJson rejects with HttpError(body.message, status, body): body.errors reach the form fields.
    return fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  };
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
