// 目录: every section and every bound material with the page it starts on (and ends on).
import { Link, Text, View } from '@react-pdf/renderer';
import { PageText, type PageFacts } from '../../../../api/plugin-kit-pdf.js';
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

/** A section runs from the page its element (`id`) is on to the page before the next one's. */
function pagesOf(entries: CatalogueEntry[], id: string, { pageOf, totalPages }: PageFacts): PageRange {
  const first = pageOf(id);
  if (first === undefined) throw new Error(`section ${id} was not laid out`);
  const next = entries[entries.findIndex((entry) => entry.id === id) + 1];
  const nextFirst = next && pageOf(next.id);
  return { first, last: nextFirst ? nextFirst - 1 : totalPages };
}

/** The page numbers are PageTexts: filled in once the whole file is paginated. */
export function Catalogue({ entries }: { entries: CatalogueEntry[] }) {
  const pageLabel = (id: string) => (
    <PageText
      style={[caseFileStyles.text, { textAlign: 'center', position: 'absolute', top: 3, left: 0, right: 0 }]}
      text={(page) => {
        const range = pagesOf(entries, id, page);
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
