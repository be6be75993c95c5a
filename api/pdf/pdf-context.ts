// The pdfkit document react-pdf draws into, made as @react-pdf/renderer's renderToBuffer makes it
// (less PDF/A conformance and encryption, which no document here asks for).
import PDFDocument from 'pdfkit';
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

export function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
