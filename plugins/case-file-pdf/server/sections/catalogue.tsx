// 目录: every section and every bound material with the page it starts on (and ends on).
import { Link, Text, View } from '@react-pdf/renderer';
import { SectionTitle, Table, caseFileStyles } from './layout.js';

export interface CatalogueEntry {
  /** The section's marker id, also its link destination. */
  id: string;
  title: string;
  remark?: string;
}

export interface PageRange {
  first: number;
  last: number;
}

/**
 * The page numbers are render callbacks: react-pdf calls them once while it splits the pages
 * (when the later sections' places are not known yet, and totalPages is undefined) and again
 * once every page is laid out, with totalPages; `pagesOf` answers then.
 */
export function Catalogue({ entries, pagesOf }: { entries: CatalogueEntry[]; pagesOf: (id: string, totalPages: number) => PageRange }) {
  const pageLabel = (id: string) => (
    <Text
      style={[caseFileStyles.text, { textAlign: 'center', position: 'absolute', top: 3, left: 0, right: 0 }]}
      render={({ totalPages }) => {
        if (totalPages === undefined) return '　'; // a blank of the line's height, so the row keeps its size
        const range = pagesOf(id, totalPages);
        return range.last > range.first ? `${range.first}–${range.last}` : String(range.first);
      }}
    />
  );
  return (
    <View>
      <SectionTitle>目　　录</SectionTitle>
      <Table
        columns={[
          { title: '序号', width: 40, align: 'center' },
          { title: '材料名称' },
          { title: '页码', width: 64, align: 'center' },
          { title: '备注', width: 96 },
        ]}
        rows={entries.map((entry, i) => [
          String(i + 1),
          <Link key="t" src={`#${entry.id}`} style={{ textDecoration: 'none', color: '#000' }}>
            <Text style={caseFileStyles.text}>{entry.title}</Text>
          </Link>,
          pageLabel(entry.id),
          entry.remark ?? '',
        ])}
      />
    </View>
  );
}
