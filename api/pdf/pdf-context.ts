// The pdfkit document react-pdf draws into, made as @react-pdf/renderer's renderToBuffer makes it
// (less PDF/A conformance and encryption, which no document here asks for).
import PDFDocument, { type PDFPage } from 'pdfkit';
import type { DocumentProps } from '@react-pdf/renderer';

const omitUndefined = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

export function createPdfContext(props: DocumentProps) {
  const { pdfVersion, language, pageLayout, pageMode, title, author, subject, keywords, creator = 'react-pdf', producer = 'react-pdf' } = props;
  const ctx = new PDFDocument({
    compress: true,
    pdfVersion,
    lang: language,
    displayTitle: true,
    autoFirstPage: false,
    pageLayout,
    info: omitUndefined({ Title: title, Author: author, Subject: subject, Keywords: keywords, Creator: creator, Producer: producer, CreationDate: props.creationDate ?? new Date(), ModificationDate: props.modificationDate }),
  });
  if (pageMode) ctx._root.data.PageMode = pageMode[0].toUpperCase() + pageMode.slice(1);
  reuseEmbeddedFonts(ctx);
  batchPageContent(ctx);
  return ctx;
}

/**
 * react-pdf selects the font of every text run by passing pdfkit the fontkit font object itself.
 * pdfkit caches fonts only by name, so for an object it opens a new embedded font on every run and
 * then compares it with the one it has (serialising the font's name table to JSON): a tenth of a
 * case file's drawing. Naming each font object once lets pdfkit find it in its cache instead.
 */
function reuseEmbeddedFonts(ctx: PDFDocument) {
  const names = new Map<object, string>();
  const font = ctx.font.bind(ctx);
  // react-pdf calls font(fontObject, size); pdfkit also takes font(src, family, size).
  ctx.font = (src: unknown, familyOrSize?: unknown, size?: unknown) => {
    if (typeof src !== 'object' || src === null || typeof familyOrSize === 'string') return font(src, familyOrSize, size);
    if (!names.has(src)) names.set(src, `react-pdf-font-${names.size + 1}`);
    return font(src, names.get(src), familyOrSize ?? size);
  };
}

/**
 * pdfkit turns every drawing operator into a byte array of its own (in a JavaScript loop) and
 * joins them when the page ends: tens of thousands of small arrays for a case file. Kept as
 * strings and written once per page, in Node's native latin1 encoding, the page's content stream
 * has the same bytes.
 */
function batchPageContent(ctx: PDFDocument) {
  const pending = new Map<PDFPage, string[]>();
  ctx.addContent = (operator: string) => {
    const page = ctx.page;
    let operators = pending.get(page);
    if (!operators) {
      operators = [];
      pending.set(page, operators);
      const end = page.end.bind(page);
      page.end = () => {
        pending.delete(page);
        page.write(Buffer.from(`${operators!.join('\n')}\n`, 'latin1'));
        return end();
      };
    }
    operators.push(operator);
    return ctx;
  };
}
