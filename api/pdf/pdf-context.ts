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
  return ctx;
}

export function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
