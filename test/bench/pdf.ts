// `npx tsx test/bench/pdf.ts`: how fast the standard case file renders. One 10-page case file
// without appended materials, warm median of 20 renders, against drawing the same pages' text
// with raw pdfkit (the engine react-pdf draws with), plus a sealed decision for scale.
//
// Then a batch export's drawing: BENCH_BATCH_FILES case files through the export's worker pool
// into a ZIP, with 1 and 2 workers: files per second and the process's peak RSS.
//
//   BENCH_PDF_RUNS=20        warm renders per scenario
//   BENCH_BATCH_FILES=1000   case files per batch (BENCH_BATCH_FILES=0 skips the batch)
import { createRequire } from 'node:module';
import { ensureDevelopmentCertificate, signPdf } from '../../api/pdf/index.js';
import { renderCaseFile } from '../../plugins/case-file-pdf/server/render.js';
import { RenderPool } from '../../plugins/case-file-pdf/server/exports/render-pool.js';
import yazl from 'yazl';
import { sampleCaseFile } from '../../plugins/case-file-pdf/test/sample-case-file.js';
import { renderDocument } from '../../plugins/centre-documents/server/templates/index.js';
import { sampleDocument } from '../../plugins/centre-documents/test/sample-documents.js';
import { pdfLines, pdfPageCount, type PdfLine } from '../support/poppler.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 20);
const require = createRequire(import.meta.url);
// pdfkit is react-pdf's own drawing engine (a dependency of @react-pdf/renderer, untyped here).
const PDFKit: new (options: object) => any = require('pdfkit');
const fontFile = (weight: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);

interface Timing {
  first: number;
  median: number;
  p90: number;
  /** CPU time (user + system, all threads) per warm run: less sensitive to a busy machine than wall time. */
  cpu: number;
}

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  let start = performance.now();
  await run();
  const first = performance.now() - start;
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], cpu: (cpu.user + cpu.system) / 1000 / RUNS };
}

/** A case whose work log is long enough for the file to come to exactly 10 pages. */
async function tenPageCase() {
  const base = sampleCaseFile();
  for (let entries = base.workLog!.length; entries < 400; entries += 2) {
    const data = sampleCaseFile({ workLog: Array.from({ length: entries }, (_, i) => base.workLog![i % base.workLog!.length]) });
    const pdf = await renderCaseFile(data, []);
    const pages = pdfPageCount(pdf);
    if (pages === 10) return { data, pdf };
    if (pages > 10) break;
  }
  throw new Error('could not make a 10-page case file');
}

/** The same pages' text, drawn line by line where react-pdf put it, with pdfkit and the same font. */
function drawWithPdfkit(lines: PdfLine[], pageCount: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ size: 'A4', autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', fontFile('400Regular'));
    for (let page = 1; page <= pageCount; page++) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.font('regular').fontSize(10.5);
      for (const line of lines.filter((l) => l.page === page)) doc.text(line.text, line.xMin, line.yMin, { lineBreak: false });
      // The tables' rules, roughly: one per text line.
      doc.lineWidth(0.6);
      for (const line of lines.filter((l) => l.page === page)) doc.moveTo(line.xMin, line.yMin + 14).lineTo(line.xMax, line.yMin + 14).stroke();
    }
    doc.end();
  });
}

const { data, pdf } = await tenPageCase();
const lines = pdfLines(pdf);
const caseFile = await timed(() => renderCaseFile(data, []));
// As `GET /api/cases/:id/case-file.pdf` draws it: in the route's render worker.
const routePool = new RenderPool(1);
const viaWorker = await timed(() => routePool.render(data, []));
await routePool.close();
const raw = await timed(() => drawWithPdfkit(lines, 10));
const certificate = ensureDevelopmentCertificate(fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-seal-')), sampleDocument.centreName);
const decision = await timed(() => renderDocument('decision_grant', sampleDocument));
const sealed = await timed(async () =>
  signPdf(await renderDocument('decision_grant', sampleDocument), certificate, { centreName: sampleDocument.centreName, reason: 'bench' }),
);

const ms = (n: number) => n.toFixed(1).padStart(8);
const rows: [string, Timing][] = [
  ['case file, 10 pages (react-pdf)', caseFile],
  ['  the same, in the route\'s worker', viaWorker],
  ['same pages, raw pdfkit', raw],
  ['decision, 1 page (unsigned)', decision],
  ['decision, rendered + sealed', sealed],
];
console.log(`warm runs: ${RUNS}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
console.log(`${'scenario'.padEnd(34)}${'first'.padStart(8)}${'median'.padStart(8)}${'p90'.padStart(8)}${'cpu'.padStart(8)}  (ms)`);
for (const [name, t] of rows) console.log(`${name.padEnd(34)}${ms(t.first)}${ms(t.median)}${ms(t.p90)}${ms(t.cpu)}`);
console.log(
  `react-pdf / raw pdfkit: ${(caseFile.median / raw.median).toFixed(1)}× (warm median), ${(caseFile.cpu / raw.cpu).toFixed(1)}× (cpu); ` +
    `target ≤ 150 ms warm median (as the route draws it): ${viaWorker.median <= 150 ? 'met' : 'missed'}`,
);
console.log(`size: case file ${(pdf.length / 1024).toFixed(0)} KB, RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);

/** Renders `files` case files through a pool of `workers` into a ZIP; files per second and peak RSS. */
async function batch(files: number, workers: number) {
  const pool = new RenderPool(workers);
  const zip = new yazl.ZipFile();
  let zipped = 0;
  zip.outputStream.on('data', (chunk: Buffer) => { zipped += chunk.length; });
  const ended = new Promise((resolve) => zip.outputStream.on('end', resolve));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  await pool.render(sampleCaseFile(), []); // the workers' fonts and modules loaded: not counted
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files) {
      const i = next++;
      const pdf = await pool.render(sampleCaseFile({ caseNumber: `（2026）江北援字第${String(i + 1).padStart(4, '0')}号` }), []);
      zip.addBuffer(Buffer.from(pdf), `${i + 1}.pdf`);
    }
  };
  await Promise.all(Array.from({ length: workers * 2 }, lane));
  zip.end();
  await ended;
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  await pool.close();
  return { perSecond: files / seconds, seconds, peakMb: peak / 1024 / 1024, zipMb: zipped / 1024 / 1024 };
}

const BATCH = Number(process.env.BENCH_BATCH_FILES ?? 1000);
if (BATCH > 0) {
  console.log(`batch of ${BATCH} case files (${pdfPageCount(await renderCaseFile(sampleCaseFile(), []))} pages each) through the export's worker pool into a ZIP, ${os.cpus().length} cores:`);
  for (const workers of [1, 2]) {
    const result = await batch(BATCH, workers);
    console.log(`  ${workers} worker${workers > 1 ? 's' : ' '}: ${result.perSecond.toFixed(1).padStart(6)} files/s (${result.seconds.toFixed(0)} s), peak RSS ${result.peakMb.toFixed(0)} MB, ZIP ${result.zipMb.toFixed(0)} MB`);
  }
}
