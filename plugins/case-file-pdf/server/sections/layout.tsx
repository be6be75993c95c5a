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
  table: { borderLeftWidth: 0.6, borderRightWidth: 0.6, borderColor: BORDER },
  // The top rule belongs to the first row, not the table: a table whose first row does not fit
  // at a page's foot then moves whole, instead of leaving its bare top edge behind.
  firstRow: { borderTopWidth: 0.6, borderColor: BORDER },
  lastCell: { borderRightWidth: 0 },
  row: { flexDirection: 'row' },
  cell: { paddingVertical: 3, paddingHorizontal: 4, borderRightWidth: 0.6, borderBottomWidth: 0.6, borderColor: BORDER },
  headCell: { backgroundColor: '#eeeeee' },
  headText: { fontSize: 10.5, lineHeight: 1.6, fontWeight: 700 },
  muted: { color: '#666' },
});

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

/**
 * A ruled table; rows never split across pages. A text cell is one Text carrying the cell's
 * padding and rules (a View around a Text would double the nodes react-pdf styles and lays out
 * on every page it builds: the long work log is most of the case file).
 */
export function Table({ columns, rows }: { columns: Column[]; rows: ReactNode[][] }) {
  const cellStyles = columns.map((column, c) => [
    caseFileStyles.cell,
    column.width ? { width: column.width } : { flex: column.flex ?? 1 },
    ...(c === columns.length - 1 ? [caseFileStyles.lastCell] : []),
  ]);
  const textCellStyles = columns.map((column, c) => [...cellStyles[c], caseFileStyles.text, { textAlign: column.align ?? 'left' }]);
  return (
    <View style={caseFileStyles.table}>
      <View style={[caseFileStyles.row, caseFileStyles.firstRow]} wrap={false}>
        {columns.map((column, c) => (
          <Text key={column.title} style={[...textCellStyles[c], caseFileStyles.headCell, caseFileStyles.headText]}>
            {column.title}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={caseFileStyles.row} wrap={false}>
          {row.map((value, c) =>
            typeof value === 'string' || typeof value === 'number' ? (
              <Text key={c} style={textCellStyles[c]}>
                {value}
              </Text>
            ) : (
              <View key={c} style={cellStyles[c]}>
                {value}
              </View>
            ),
          )}
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
        <View key={r} style={r === 0 ? [caseFileStyles.row, caseFileStyles.firstRow] : caseFileStyles.row} wrap={false}>
          {pair.map(([label, value], i) => [
            <Text key={`${label}-l`} style={[caseFileStyles.cell, caseFileStyles.headCell, caseFileStyles.headText, { width: 72 }]}>
              {label}
            </Text>,
            <Text key={`${label}-v`} style={[caseFileStyles.cell, caseFileStyles.text, { flex: 1 }, ...(i === pair.length - 1 ? [caseFileStyles.lastCell] : [])]}>
              {value}
            </Text>,
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
