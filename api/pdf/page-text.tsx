// Text whose words are known only once the document is paginated: "第 x 页 共 y 页", the page a
// section starts on. react-pdf's own way (render props, page layouts) paginates the whole document
// a second time to learn totalPages; renderPdf instead lays the document out once with a blank in
// each PageText, then lays out just these texts, at the boxes they were given, and puts them in.
import { Text } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/stylesheet';

export interface PageFacts {
  pageNumber: number;
  totalPages: number;
  /** The page on which the element with this `id` prop first appears. */
  pageOf: (id: string) => number | undefined;
}

type PageTextFunction = (page: PageFacts) => string;

const PAGE_TEXT = 'pageText';
/** What the text is laid out with before its words are known: a blank one line high. */
const BLANK = '　';

/**
 * One line of text filled in after pagination. Its box is sized with a blank, so it must not depend
 * on the words: place it absolutely, with left and right or a width. `fixed` repeats it on every
 * page its Page breaks into, each with that page's facts.
 */
export function PageText({ text, style, fixed }: { text: PageTextFunction; style?: Style | Style[]; fixed?: boolean }) {
  return (
    <Text style={style} fixed={fixed} {...{ [PAGE_TEXT]: text }}>
      {BLANK}
    </Text>
  );
}

/** The parts of react-pdf's laid-out tree read here. */
interface LaidOutNode {
  type: string;
  props?: Record<string, unknown>;
  style?: Record<string, unknown>;
  box?: { width: number };
  lines?: unknown[];
  children?: LaidOutNode[];
}

export interface LaidOutDocument extends LaidOutNode {
  children: LaidOutNode[];
}

const pageTextOf = (node: LaidOutNode) => node.props?.[PAGE_TEXT] as PageTextFunction | undefined;

/** Fills every PageText of a laid-out document in; `layout` lays out a (small) document. */
export async function resolvePageTexts(document: LaidOutDocument, layout: (document: LaidOutDocument) => Promise<LaidOutDocument>) {
  const firstPages = new Map<string, number>();
  const pending: { node: LaidOutNode; pageNumber: number }[] = [];
  const collect = (node: LaidOutNode, pageNumber: number) => {
    const id = node.props?.id;
    if (typeof id === 'string' && !firstPages.has(id)) firstPages.set(id, pageNumber);
    if (pageTextOf(node)) pending.push({ node, pageNumber });
    for (const child of node.children ?? []) collect(child, pageNumber);
  };
  document.children.forEach((page, i) => collect(page, i + 1));
  const pageOf = (id: string) => firstPages.get(id);
  if (!pending.length) return { document, pageOf };

  const totalPages = document.children.length;
  const texts = pending.map(({ node, pageNumber }) => textAlone(node, pageTextOf(node)!({ pageNumber, totalPages, pageOf })));
  // One page that does not wrap: nothing to paginate (react-pdf's older paginator, which a page
  // without experimentalPagination gets, never finished on a page of only these texts).
  const page = { type: 'PAGE', props: { wrap: false }, style: {}, children: texts };
  const laidOut = await layout({ type: 'DOCUMENT', props: {}, style: {}, children: [page] });
  const lines = laidOut.children[0].children!.map((text) => text.lines);
  let next = 0;
  // Walked in the order collected; a node is copied, never changed, in case pages share it.
  const fill = (node: LaidOutNode): LaidOutNode => {
    if (pageTextOf(node)) return { ...node, lines: lines[next++] };
    if (!node.children) return node;
    const children = node.children.map(fill);
    return children.some((child, i) => child !== node.children![i]) ? { ...node, children } : node;
  };
  return { document: { ...document, children: document.children.map(fill) }, pageOf };
}

/** The text with its final words, by itself at the width (and in the style) it was laid out with. */
function textAlone(node: LaidOutNode, words: string): LaidOutNode {
  const { top, right, bottom, left, marginTop, marginRight, marginBottom, marginLeft, ...style } = node.style ?? {};
  return {
    type: 'TEXT',
    props: {},
    style: { ...style, position: 'absolute', top: 0, left: 0, width: node.box!.width },
    children: [{ type: 'TEXT_INSTANCE', value: words } as LaidOutNode],
  };
}
