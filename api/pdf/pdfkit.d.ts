// pdfkit ships no types; react-pdf draws with it, and pdf-context.ts only makes its document.
declare module 'pdfkit' {
  import { Readable } from 'node:stream';
  export default class PDFDocument extends Readable {
    constructor(options?: Record<string, unknown>);
    _root: any; // pdfkit internals: the catalogue dictionary
    font(src: unknown, family?: unknown, size?: unknown): this;
    page: PDFPage;
    addContent(operator: string): this;
  }
  export interface PDFPage {
    write(chunk: string | Uint8Array): void;
    end(): void;
  }
}
