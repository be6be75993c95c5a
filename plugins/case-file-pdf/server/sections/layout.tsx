// The case file's shared pieces: section titles, ruled tables, label–value grids, page markers.
import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';

const BORDER = '#333';
export const caseFileStyles = StyleSheet.create({
  sectionTitle: { fontSize: 18, fontWeight: 700, textAlign: 'center', letterSpacing: 3, marginBottom: 14, lineHeight: 1.4 },
  subTitle: { fontSize: 13, fontWeight: 700, marginTop: 12, marginBottom: 6, lineHeight: 1.4 },
  text: { fontSize: 10.5, lineHeight: 1.6 },
  paragraph: { fontSize: 11, lineHeight: 1.8, textIndent: 22 },
  // The table draws its own outer right edge: a last cell's right border is not drawn reliably.
  table: { borderTopWidth: 0.6, borderLeftWidth: 0.6, borderRightWidth: 0.6, borderColor: BORDER },
  lastCell: { borderRightWidth: 0 },
  row: { flexDirection: 'row' },
  cell: { paddingVertical: 3, paddingHorizontal: 4, borderRightWidth: 0.6, borderBottomWidth: 0.6, borderColor: BORDER },
  headCell: { backgroundColor: '#eeeeee' },
  headText: { fontSize: 10.5, lineHeight: 1.6, fontWeight: 700 },
  muted: { color: '#666' },
});

/** Records the page it lands on under `id`; draws nothing. */
export function PageMarker({ id, onPage }: { id: string; onPage: (id: string, page: number) => void }) {
  return (
    <Text
      style={{ fontSize: 1, height: 0 }}
      render={({ pageNumber }) => {
        onPage(id, pageNumber);
        return ' ';
      }}
    />
  );
}

export function SectionTitle({ children }: { children: string }) {
  return <Text style={caseFileStyles.sectionTitle}>{children}</Text>;
}

export function SubTitle({ children }: { children: string }) {
  return <Text style={caseFileStyles.subTitle} minPresenceAhead={40}>{children}</Text>;
}

export interface Column {
  title: string;
  /** A fixed width in points, or a share of what remains. */
  width?: number;
  flex?: number;
  align?: 'left' | 'center' | 'right';
}

/** A ruled table; rows never split across pages. */
export function Table({ columns, rows }: { columns: Column[]; rows: ReactNode[][] }) {
  const cellStyle = (column: Column) => [
    caseFileStyles.cell,
    column.width ? { width: column.width } : { flex: column.flex ?? 1 },
    ...(column === columns.at(-1) ? [caseFileStyles.lastCell] : []),
  ];
  return (
    <View style={caseFileStyles.table}>
      <View style={caseFileStyles.row} wrap={false}>
        {columns.map((column) => (
          <View key={column.title} style={[...cellStyle(column), caseFileStyles.headCell]}>
            <Text style={[caseFileStyles.headText, { textAlign: column.align ?? 'left' }]}>{column.title}</Text>
          </View>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={caseFileStyles.row} wrap={false}>
          {row.map((value, c) => (
            <View key={c} style={cellStyle(columns[c])}>
              {typeof value === 'string' || typeof value === 'number' ? (
                <Text style={[caseFileStyles.text, { textAlign: columns[c].align ?? 'left' }]}>{value}</Text>
              ) : (
                value
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** Label–value pairs, two to a row. */
export function FactGrid({ facts }: { facts: [label: string, value: string | undefined][] }) {
  const present = facts.filter(([, value]) => value !== undefined && value !== '');
  const rows: [string, string][][] = [];
  for (let i = 0; i < present.length; i += 2) rows.push(present.slice(i, i + 2) as [string, string][]);
  return (
    <View style={caseFileStyles.table}>
      {rows.map((pair, r) => (
        <View key={r} style={caseFileStyles.row} wrap={false}>
          {pair.map(([label, value], i) => [
            <View key={`${label}-l`} style={[caseFileStyles.cell, caseFileStyles.headCell, { width: 72 }]}>
              <Text style={caseFileStyles.headText}>{label}</Text>
            </View>,
            <View key={`${label}-v`} style={[caseFileStyles.cell, { flex: 1 }, ...(i === pair.length - 1 ? [caseFileStyles.lastCell] : [])]}>
              <Text style={caseFileStyles.text}>{value}</Text>
            </View>,
          ])}
        </View>
      ))}
    </View>
  );
}

export const yuan = (amount: number | undefined) =>
  amount === undefined ? '' : `${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

export const fileSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
