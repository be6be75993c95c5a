// The plugin kit's PDF door: Chinese fonts and line breaking, A4 pages, rendering, the electronic
// seal and its certificate. A module of its own because it loads react-pdf and the fonts (most of a
// second): import it only from modules a plugin loads when it first draws a document.
export * from './pdf/index.js';
