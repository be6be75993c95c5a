// The PDF toolkit shared by the plugins that issue documents: Chinese fonts and line breaking,
// A4 pages, rendering, the electronic seal and its certificate.
export { FONT_FAMILY, registerChineseFonts, splitForLineBreaking, CLOSING_PUNCTUATION, OPENING_PUNCTUATION } from './fonts.js';
export { chineseDate, chineseOfficialDate } from './chinese-date.js';
export { A4, A4Page, CONTENT_WIDTH, MARGIN, pageNumberLabel, pdfStyles, type PageFurniture } from './page.js';
export { renderPdf, renderPdfWithPages, type RenderedPdf } from './render.js';
export { PageText, type PageFacts } from './page-text.js';
export { SEAL_DIAMETER, SealArea, SealStamp } from './seal.js';
export { signPdf, type SealCertificate, type SigningInfo } from './sign.js';
export { ensureDevelopmentCertificate, loadSealCertificate, type LoadedSealCertificate } from './certificate.js';
