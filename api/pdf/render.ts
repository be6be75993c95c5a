// Rendering a react-pdf document to bytes, with the Chinese fonts registered first.
import type { ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { registerChineseFonts } from './fonts.js';

export async function renderPdf(document: ReactElement<DocumentProps>): Promise<Buffer> {
  registerChineseFonts();
  return renderToBuffer(document);
}
