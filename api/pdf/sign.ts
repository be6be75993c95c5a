// Sealing: the visible seal stamped where the document reserved it, and a detached PKCS#7
// signature (PAdES-style, adbe.pkcs7.detached) over the whole file, so a changed byte shows.
import { BlendMode, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, type PDFPage } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SealSigner } from './seal-signer.js';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { SEAL_MARKER_URI, renderSealPdf } from './seal.js';

export interface SealCertificate {
  /** The centre's PKCS#12 (certificate and private key). */
  p12: Buffer;
  passphrase: string;
}

export interface SigningInfo {
  /** The centre's name: on the seal and as the signer's name. */
  centreName: string;
  /** Why the document is signed, e.g. "给予法律援助决定书 （2026）援决字第0012号". */
  reason: string;
  location?: string;
  contactInfo?: string;
  signingTime?: Date;
}

interface SealMarker {
  page: PDFPage;
  rect: [number, number, number, number];
}

/** Finds and removes the signing-area marker SealArea left in the document. */
function takeSealMarker(pdf: PDFDocument): SealMarker | undefined {
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
      if (!annot || uri?.decodeText() !== SEAL_MARKER_URI) continue;
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
      for (const ref of [annots.get(i), annot.get(PDFName.of('A'))]) {
        if (ref instanceof PDFRef) pdf.context.delete(ref);
      }
      annots.remove(i);
      return { page, rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] };
    }
  }
  return undefined;
}

/**
 * Seals a rendered document: stamps the centre's seal over the signing area (if the document
 * has one) and signs the file with the centre's certificate. The result must not be rewritten:
 * any later change invalidates the signature.
 */
export async function signPdf(pdf: Buffer, seal: SealCertificate, info: SigningInfo): Promise<Buffer> {
  const signer = new SealSigner(seal.p12, seal.passphrase);
  const doc = await PDFDocument.load(pdf);
  const marker = takeSealMarker(doc);
  if (marker) {
    const [stamp] = await doc.embedPdf(await renderSealPdf(info.centreName));
    const [x1, y1, x2, y2] = marker.rect;
    marker.page.drawPage(stamp, { x: x1, y: y1, width: x2 - x1, height: y2 - y1, blendMode: BlendMode.Multiply, opacity: 0.9 });
  }
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: marker?.page ?? doc.getPage(doc.getPageCount() - 1),
    reason: info.reason,
    name: info.centreName,
    location: info.location ?? '',
    contactInfo: info.contactInfo ?? '',
    signingTime: info.signingTime,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    widgetRect: marker?.rect ?? [0, 0, 0, 0],
    appName: 'Fayuan',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, signer, info.signingTime);
}
