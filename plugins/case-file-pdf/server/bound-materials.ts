// Which uploaded files are bound into the case file, in the template's order, and how many
// pages each takes; and drawing the PDFs' pages into the frames the rendered file left for them.
import { PDFDocument, rgb } from 'pdf-lib';
import { A4, MARGIN, CONTENT_WIDTH } from '../../../api/plugin-kit-pdf.js';
import type { CaseFileAttachment, CaseFileData } from './case-file-data.js';

export type BoundMaterial =
  | { id: string; itemKey: string; label: string; name: string; kind: 'pdf'; pageCount: number; source: PDFDocument }
  | { id: string; itemKey: string; label: string; name: string; kind: 'jpeg' | 'png'; pageCount: 1; bytes: Buffer };

/** Height of the caption above a bound material on its frame page. */
export const CAPTION_HEIGHT = 26;
/** Where a bound material's page goes on its frame page (PDF coordinates, origin bottom left). */
export const FRAME = {
  x: MARGIN.left,
  y: MARGIN.bottom,
  width: CONTENT_WIDTH,
  height: A4.height - MARGIN.top - MARGIN.bottom - CAPTION_HEIGHT,
} as const;

/**
 * The attachments that can be bound (PDFs that parse, JPEG and PNG images), ordered by the
 * template's items and, within an item, as given. Everything else is only listed.
 */
export async function boundMaterials(data: CaseFileData, attachments: CaseFileAttachment[]): Promise<BoundMaterial[]> {
  const bound: BoundMaterial[] = [];
  for (const item of data.materials) {
    for (const attachment of attachments.filter((a) => a.itemKey === item.itemKey)) {
      const common = { id: `material-${bound.length + 1}`, itemKey: item.itemKey, label: item.label, name: attachment.name };
      if (attachment.kind === 'jpeg' || attachment.kind === 'png') {
        bound.push({ ...common, kind: attachment.kind, pageCount: 1, bytes: Buffer.from(attachment.bytes) });
      } else if (attachment.kind === 'pdf') {
        const source = await readablePdf(attachment.bytes);
        if (source) bound.push({ ...common, kind: 'pdf', pageCount: source.getPageCount(), source });
      }
    }
  }
  return bound;
}

/** The PDF if it parses, is not encrypted and has pages; a broken upload is only listed. */
async function readablePdf(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    return pdf.getPageCount() > 0 ? pdf : undefined;
  } catch {
    return undefined;
  }
}

/** Draws every bound PDF's pages, scaled to fit, into their frame pages of the rendered file. */
export async function drawBoundPdfs(rendered: Buffer, bound: BoundMaterial[], pageOf: (id: string) => number | undefined): Promise<Buffer> {
  const pdfs = bound.filter((material) => material.kind === 'pdf');
  if (!pdfs.length) return rendered;
  const doc = await PDFDocument.load(rendered);
  for (const material of pdfs) {
    const first = pageOf(material.id);
    if (first === undefined) throw new Error(`no frame page for ${material.id}`);
    const embedded = await doc.embedPages(material.source.getPages());
    embedded.forEach((page, i) => {
      const scale = Math.min(FRAME.width / page.width, FRAME.height / page.height);
      const width = page.width * scale;
      const height = page.height * scale;
      const x = FRAME.x + (FRAME.width - width) / 2;
      const y = FRAME.y + FRAME.height - height;
      const frame = doc.getPage(first - 1 + i);
      frame.drawPage(page, { x, y, width, height });
      frame.drawRectangle({ x, y, width, height, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
    });
  }
  return Buffer.from(await doc.save());
}
