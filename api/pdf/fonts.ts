// The embedded Chinese font and the line-breaking rule that lets Chinese wrap between characters.
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';

export const FONT_FAMILY = 'NotoSansSC';

const require = createRequire(import.meta.url);
const fontFile = (weight: string) =>
  require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);

let registered = false;

/** Registers Noto Sans SC regular and bold, and the CJK line-breaking callback; once per process. */
export function registerChineseFonts(): void {
  if (registered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: fontFile('400Regular'), fontWeight: 400 },
      { src: fontFile('700Bold'), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(splitForLineBreaking);
  registered = true;
}

/** Punctuation that must never start a line: it stays with the character before it. */
export const CLOSING_PUNCTUATION = '，。、；：？！）》」』”’】〕…—,.;:?!)]}%';
/** Punctuation that must never end a line: it stays with the character after it. */
export const OPENING_PUNCTUATION = '（《「『“‘【〔([{';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u2014]/;

/**
 * Splits one space-delimited word into the pieces a line may break between: each CJK character
 * on its own, Latin and digit runs whole, closing punctuation glued to the piece before it and
 * opening punctuation to the piece after it. The pieces come interleaved with empty strings,
 * which react-pdf's line breaker treats as zero-width glue, so no hyphen is ever drawn.
 */
export function splitForLineBreaking(word: string): string[] {
  if (!CJK.test(word)) return [word];
  let pieces = splitWords.get(word);
  if (!pieces) {
    // react-pdf lays the same words out again on every relayout; the cache keeps that cheap.
    if (splitWords.size > 20_000) splitWords.clear();
    pieces = splitCjkWord(word);
    splitWords.set(word, pieces);
  }
  return pieces;
}

const splitWords = new Map<string, string[]>();

function splitCjkWord(word: string): string[] {
  const pieces: string[] = [];
  let pendingOpening = '';
  for (const char of word) {
    const last = pieces.length - 1;
    if (OPENING_PUNCTUATION.includes(char)) {
      pendingOpening += char;
    } else if (CLOSING_PUNCTUATION.includes(char) && last >= 0 && !pendingOpening) {
      pieces[last] += char;
    } else if (!CJK.test(char) && !pendingOpening && last >= 0 && !CJK.test(lastChar(pieces[last]))) {
      pieces[last] += char;
    } else {
      pieces.push(pendingOpening + char);
      pendingOpening = '';
    }
  }
  if (pendingOpening) pieces.push(pendingOpening);
  return pieces.flatMap((piece) => [piece, '']);
}

const lastChar = (piece: string) => [...piece].at(-1) ?? '';
