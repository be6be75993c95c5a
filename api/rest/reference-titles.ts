// The titles of the records a register's references name, as one reader may see them: only records the reader
// may read, each read through the reader's view of its own register, and then through the redaction of the row
// that names it (a blind round's file names a service point called after the hidden firm).
import { allFields, type Actor, type ResourceDefinition, type Row } from '../resources/define.js';
import { readerView, redactValue, type ReaderView } from '../access/enforce.js';
import { ApiError } from './errors.js';
import { MAX_PAGE } from './list-query.js';
import type { Records } from './records.js';

/** Per reference field, the title of each record named (id → title), as the reader may read the records. */
export type ReferenceTitles = Map<string, Map<number, string>>;

/** A row's referenced titles as sent with it to a reader whose view hides words: field → title (or titles). */
export const TITLES_KEY = '$titles';

function referenceFields(resource: ResourceDefinition, only?: string[]): [string, string][] {
  return Object.entries(allFields(resource))
    .filter(([name, field]) => (field.type === 'reference' || field.type === 'referenceList') && (!only || only.includes(name)))
    .map(([name, field]) => [name, (field as { to: string }).to]);
}

/** The titles of the records the rows name, read as the actor (a register the actor may not read: no titles). */
export async function readableTitles(records: Records, resource: ResourceDefinition, rows: Row[], actor: Actor, only?: string[]): Promise<ReferenceTitles> {
  const out: ReferenceTitles = new Map();
  for (const [name, to] of referenceFields(resource, only)) {
    const target = records.resources.get(to);
    const ids = [...new Set(rows.flatMap((r) => [r[name]].flat()).filter((v) => v !== null && v !== undefined).map(Number).filter(Number.isInteger))];
    const titles = new Map<number, string>();
    out.set(name, titles);
    if (!target || !ids.length) continue;
    for (let i = 0; i < ids.length; i += MAX_PAGE) {
      const chunk = ids.slice(i, i + MAX_PAGE);
      const found = await records.list(target, { filter: { id: chunk }, sort: ['id', 'ASC'], range: [0, chunk.length - 1] }, actor)
        .catch((error) => { if (error instanceof ApiError && error.status === 403) return { rows: [] as Row[] }; throw error; });
      for (const r of found.rows) titles.set(Number(r.id), String(r[target.titleField] ?? `#${r.id}`));
    }
  }
  return out;
}

/** The title of a referenced record as this row's reader sees it: through the redaction of the row. */
export function titleSeenIn(row: Row, titles: Map<number, string> | undefined, id: unknown, view: ReaderView): string | undefined {
  const title = titles?.get(Number(id));
  return title !== undefined && view.redaction ? redactValue(title, view.redaction.wordsOf(row)) as string : title;
}

/**
 * For a reader whose view of the register hides words: each row with the titles of the records it names, redacted
 * as the row is (`$titles`), so the console shows them instead of fetching the referenced records' own titles.
 */
export async function withRedactedTitles(records: Records, resource: ResourceDefinition, rows: Row[], actor: Actor): Promise<Row[]> {
  const view = await readerView(resource, actor, records.database.db);
  if (!view.redaction || !rows.length) return rows;
  const titles = await readableTitles(records, resource, rows, actor);
  return rows.map((row) => {
    const seen: Record<string, string | string[]> = {};
    for (const [name, byId] of titles) {
      const value = row[name];
      if (Array.isArray(value)) seen[name] = value.map((id) => titleSeenIn(row, byId, id, view) ?? `#${id}`);
      else if (value !== null && value !== undefined) {
        const title = titleSeenIn(row, byId, value, view);
        if (title !== undefined) seen[name] = title;
      }
    }
    return { ...row, [TITLES_KEY]: seen };
  });
}
