// How a `q` search on an indexed register runs, chosen by how many records the search index finds
// (api/db/search-index.ts). Few: their ids, and the page sorted from those rows. Many (a surname's
// one character): the sort's own index read in order, each row checked by LIKE on its own columns,
// which stops after a page — gathering or probing every id the index finds costs the size of the
// match, ~20 ms for a surname at 1,000,000 cases. The exact total comes from the index's count
// whenever the filter is only `q` within a row rule the index holds (a lawyer's own cases).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { hasOwnIndex, tableName, type ResourceDefinition } from '../resources/define.js';
import type { DialectName } from '../db/connect.js';
import { countHolding, holding, idsHolding, indexedFields, indexQuery, requiredTokens, tallyCount, withinTokens } from '../db/search-index.js';
import { readTally } from '../db/tallies.js';
import { containsText, referencedRegister, searchText } from './list-query.js';

/** Where one plan gives way to the next (measured at 1,000,000 cases, where the plans cost alike). */
export interface SearchLimits {
  /** Up to this many found records the page is looked for among their ids; beyond, by LIKE on the rows read in sort order. */
  fewFound: number;
  /** Up to this many ids (SQLite) their rows are read and sorted; beyond, the sort's index entries are read and each one's id tested. */
  fewRows: number;
}
export const SEARCH_LIMITS: SearchLimits = { fewFound: 12_000, fewRows: 700 };
/** Referenced records (lawyers) matched by title beyond which the index is not asked. */
const MAX_TITLED = 500;

export interface SearchPlan {
  /** The records the page's `q` is looked for among: the ids found, or all (LIKE on the rows read in sort order). */
  page?: Expression<SqlBool>;
  /** The records the count's `q` is looked for among. */
  count: Expression<SqlBool>;
  /** The exact total, when the index alone answers it. */
  total?: number;
}

/** The plan for the filter's `q`, or none when the index cannot serve it (no `q`, or a searched field it does not hold). */
export async function searchPlan(
  db: Kysely<any>,
  dialect: DialectName,
  resource: ResourceDefinition,
  filter: Record<string, unknown>,
  /** Fields the reader may not search. */
  hidden: Set<string>,
  /** The reader's row rule, as a filter. */
  scope: Record<string, unknown>,
  registers: ReadonlyMap<string, ResourceDefinition>,
  /** The field the page is sorted by. */
  sort: string,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<SearchPlan | undefined> {
  const text = searchText(filter.q);
  const fields = resource.list.search.filter((f) => !hidden.has(f));
  const indexed = indexedFields(resource);
  if (!text || !fields.length || !fields.every((f) => indexed.includes(f))) return undefined;
  const titled = new Map<string, number[]>();
  for (const field of fields) {
    if (resource.fields[field].type !== 'reference') continue;
    const target = referencedRegister(resource.fields[field], registers);
    if (!target) return undefined;
    const rows = await db.selectFrom(tableName(target)).select('id').where(containsText(target.titleField, text)).limit(MAX_TITLED + 1).execute();
    if (rows.length > MAX_TITLED) return undefined;
    titled.set(field, rows.map((r) => Number(r.id)));
  }
  const required = requiredTokens(resource, scope);
  const query = withinTokens(indexQuery(resource, fields, text, titled), required ?? []);
  const answersTotal = query.exact && required !== null && Object.entries(filter).every(([key, value]) => key === 'q' || value === undefined);
  const among = (ids: number[]) => ({ page: amongIds(dialect, resource, ids, sort, limits.fewRows), count: amongIds(dialect, resource, ids) });
  // Two characters or more are a name's or a number's, found a few thousand times at most: their
  // ids, when no more than a few, are also their count (on PostgreSQL, reading the index's matches
  // once instead of twice).
  if (Array.from(text).length > 1) {
    const ids = await idsHolding(db, dialect, resource.name, query, Number.isFinite(limits.fewFound) ? limits.fewFound + 1 : undefined);
    if (ids.length <= limits.fewFound) return { ...among(ids), total: answersTotal ? ids.length : undefined };
  }
  // One character is a surname's, found tens of thousands of times: counted (from the search tally
  // when it can tell), and the count is the total's whenever the index answers it.
  const found = (await tallyCount(db, resource, fields, text, titled, required ?? [], readTally)) ?? await countHolding(db, dialect, resource.name, query);
  const total = answersTotal ? found : undefined;
  if (found > limits.fewFound) return { count: holding(dialect, resource.name, query), total };
  return { ...among(await idsHolding(db, dialect, resource.name, query)), total };
}

/** `id` among these; on SQLite, for more than a few, tested on the sort's index entries (`+id`: not by looking each up). */
function amongIds(dialect: DialectName, resource: ResourceDefinition, ids: number[], sort?: string, fewRows = Infinity): Expression<SqlBool> {
  if (!ids.length) return sql<SqlBool>`1 = 0`;
  if (dialect === 'postgres') return sql<SqlBool>`${sql.ref('id')} = any(${ids}::integer[])`;
  // One parameter, so one statement text whatever the number of ids (SQLite's statement cache).
  const json = JSON.stringify(ids);
  return ids.length > fewRows && sort && resource.fields[sort]?.type !== 'reference' && hasOwnIndex(resource, sort)
    ? sql<SqlBool>`+${sql.ref('id')} in (select value from json_each(${json}))`
    : sql<SqlBool>`${sql.ref('id')} in (select value from json_each(${json}))`;
}
