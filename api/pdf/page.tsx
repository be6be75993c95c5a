// A4 pages for the centre's PDFs: margins, type sizes, the running header and the page footer.
import type { ReactNode } from 'react';
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts.js';
import { PageText } from './page-text.js';

const MM = 72 / 25.4;

/** A4 in points, and the margins of GB/T 9704 (official documents): 37 / 26 / 35 / 28 mm. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 37 * MM, right: 26 * MM, bottom: 35 * MM, left: 28 * MM } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const pdfStyles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 12,
    paddingTop: MARGIN.top,
    paddingRight: MARGIN.right,
    paddingBottom: MARGIN.bottom,
    paddingLeft: MARGIN.left,
  },
  header: {
    position: 'absolute',
    top: 16 * MM,
    left: MARGIN.left,
    right: MARGIN.right,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 0.6,
    borderBottomColor: '#555',
    paddingBottom: 3,
    fontSize: 9,
    color: '#333',
  },
  footer: {
    position: 'absolute',
    bottom: 16 * MM,
    left: MARGIN.left,
    right: MARGIN.right,
    textAlign: 'center',
    fontSize: 9,
    color: '#333',
  },
  paragraph: { fontSize: 12, lineHeight: 1.8, textAlign: 'justify' },
  indented: { fontSize: 12, lineHeight: 1.8, textIndent: 24 },
  bold: { fontWeight: 700 },
});

export interface PageFurniture {
  /** Left of the running header, e.g. the centre's name; no header without it. */
  headerLeft?: string;
  /** Right of the running header, e.g. "案号：（2026）援字第0001号". */
  headerRight?: string;
  /** Pages that follow this rendered document (appended materials) and so count in "共 y 页". */
  pagesAfter?: number;
  /** Leave the footer off (a one-page document carries no page number). */
  noFooter?: boolean;
}

/** "第 3 页 共 12 页". */
export const pageNumberLabel = (pageNumber: number, totalPages: number) => `第 ${pageNumber} 页 共 ${totalPages} 页`;

/**
 * An A4 page with the running header (case number) and the footer "第 x 页 共 y 页", both fixed so
 * that react-pdf repeats them on every page the content breaks into. The footer is a PageText:
 * filled in once the document is paginated (see renderPdf). experimentalPagination is react-pdf's
 * paginator that measures the content once and packs it into pages, where the older one laid every
 * remaining page out again at each page break.
 */
export function A4Page({ furniture, children, hideHeader }: { furniture: PageFurniture; children?: ReactNode; hideHeader?: boolean }) {
  const { headerLeft, headerRight, pagesAfter = 0, noFooter } = furniture;
  return (
    <Page size="A4" style={pdfStyles.page} wrap experimentalPagination>
      {!hideHeader && (headerLeft || headerRight) ? (
        <View style={pdfStyles.header} fixed>
          <Text>{headerLeft ?? ''}</Text>
          <Text>{headerRight ?? ''}</Text>
        </View>
      ) : null}
      {noFooter ? null : (
        <PageText style={pdfStyles.footer} fixed text={({ pageNumber, totalPages }) => pageNumberLabel(pageNumber, totalPages + pagesAfter)} />
      )}
      {children}
    </Page>
  );
}
