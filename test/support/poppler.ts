// Reading PDFs back with Debian's poppler-utils, as a reader's tools would: text, page count,
// word positions and signature validation.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Uint8Array, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-pdf-'));
  const file = path.join(dir, 'file.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return read(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the whole document, or of one page. */
export const pdfText = (pdf: Uint8Array, page?: number): string =>
  withFile(pdf, (file) =>
    execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' }),
  );

/** The text of every page, in order. */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const text = withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
  return text.split('\f').slice(0, pdfPageCount(pdf));
}

export const pdfPageCount = (pdf: Uint8Array): number =>
  withFile(pdf, (file) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]));

export interface PdfLine {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

/** Every line of text with its box in points (origin top left), from `pdftotext -bbox-layout`. */
export function pdfLines(pdf: Uint8Array): PdfLine[] {
  const html = withFile(pdf, (file) => execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' }));
  const lines: PdfLine[] = [];
  html.split('<page ').slice(1).forEach((pageHtml, index) => {
    for (const match of pageHtml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
      const words = [...match[4].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => decodeEntities(word[1]));
      lines.push({ page: index + 1, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), text: words.join(' ') });
    }
  });
  return lines;
}

const decodeEntities = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** pdfsig's report on the document's signatures (it exits non-zero when one fails). */
export const pdfsig = (pdf: Uint8Array): string =>
  withFile(pdf, (file) => {
    const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  });

/** The pages that draw an image (`pdfimages -list`), one entry per image. */
export const pdfImagePages = (pdf: Uint8Array): number[] =>
  withFile(pdf, (file) =>
    execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => Number(line.trim().split(/\s+/)[0])),
  );
