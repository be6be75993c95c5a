// Rendering a react-pdf document to bytes. react-pdf's own steps (reconcile, lay out, draw), composed
// here rather than through renderToBuffer so that text that depends on page numbers (PageText) is
// filled in after one pagination round, instead of react-pdf paginating the whole document twice.
import { buffer } from 'node:stream/consumers';
import type { ReactElement } from 'react';
import { Font, pdf, type DocumentProps } from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import drawDocument from '@react-pdf/render';
import { registerChineseFonts } from './fonts.js';
import { type LaidOutDocument, resolvePageTexts } from './page-text.js';
import { createPdfContext } from './pdf-context.js';

export interface RenderedPdf {
  pdf: Buffer;
  pageCount: number;
  /** The page (from 1) on which the element with this `id` prop first appears. */
  pageOf: (id: string) => number | undefined;
}

export async function renderPdf(document: ReactElement<DocumentProps>): Promise<Buffer> {
  return (await renderPdfWithPages(document)).pdf;
}

export async function renderPdfWithPages(document: ReactElement<DocumentProps>): Promise<RenderedPdf> {
  registerChineseFonts();
  const root = pdf(document).container.document;
  // The typings name only the first parameter; the font store is the second.
  const layout = layoutDocument as unknown as (root: unknown, fontStore: typeof Font) => Promise<LaidOutDocument>;
  const laidOut = await layout(root, Font);
  const { document: finished, pageOf } = await resolvePageTexts(laidOut, (mini) => layout(mini, Font));
  const ctx = createPdfContext(root.props ?? {});
  drawDocument(ctx as never, finished as never); // draws into ctx and ends it
  const bytes = await buffer(ctx);
  return { pdf: bytes, pageCount: finished.children.length, pageOf };
}
