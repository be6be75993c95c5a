// The visible electronic seal: a red round seal with the centre's name on the arc and a star,
// drawn as vectors, and the marker with which a document reserves the place where it goes.
import { Document, G, Link, Page, Path, Svg, Text, View, Circle } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts.js';
import { renderPdf } from './render.js';

/** 42 mm, the diameter of an official round seal. */
export const SEAL_DIAMETER = (42 * 72) / 25.4;
/** The link target that marks the signing area in an unsigned document (removed when sealed). */
export const SEAL_MARKER_URI = 'fayuan-seal:signing-area';

const SEAL_RED = '#d7141a';

function starPath(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${points.join(' L')} Z`;
}

/** The seal drawn at `size` points: the name along the upper arc, a star, the label under it. */
export function SealStamp({ centreName, label = '电子印章', size = SEAL_DIAMETER }: { centreName: string; label?: string; size?: number }) {
  const c = size / 2;
  const chars = [...centreName];
  const nameSize = Math.min(size * 0.13, (size * 2.6) / Math.max(chars.length, 1));
  const textRadius = c - size * 0.07 - nameSize;
  // The name spans up to 240° of the arc, centred on the top.
  const span = Math.min(240, chars.length * 22);
  const step = chars.length > 1 ? span / (chars.length - 1) : 0;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
      <Circle cx={c} cy={c} r={c - size * 0.025} stroke={SEAL_RED} strokeWidth={size * 0.035} fill="none" />
      <Path d={starPath(c, c, size * 0.15)} fill={SEAL_RED} />
      {chars.map((char, i) => {
        const angle = -span / 2 + i * step;
        return (
          <G key={i} transform={`rotate(${angle.toFixed(2)} ${c} ${c})`}>
            <Text
              x={c - nameSize / 2}
              y={c - textRadius}
              fill={SEAL_RED}
              style={{ fontFamily: FONT_FAMILY, fontSize: nameSize, fontWeight: 700 }}
            >
              {char}
            </Text>
          </G>
        );
      })}
      <Text
        x={c - (size * 0.1 * [...label].length) / 2}
        y={c + size * 0.3}
        fill={SEAL_RED}
        style={{ fontFamily: FONT_FAMILY, fontSize: size * 0.1, fontWeight: 700 }}
      >
        {label}
      </Text>
    </Svg>
  );
}

const sealPdfs = new Map<string, Promise<Buffer>>();

/** The seal alone on a page of its own size, to be stamped onto a document when it is signed. */
export function renderSealPdf(centreName: string): Promise<Buffer> {
  let pdf = sealPdfs.get(centreName);
  if (!pdf) {
    pdf = renderPdf(
      <Document>
        <Page size={[SEAL_DIAMETER, SEAL_DIAMETER]}>
          <SealStamp centreName={centreName} />
        </Page>
      </Document>,
    );
    sealPdfs.set(centreName, pdf);
  }
  return pdf;
}

/**
 * Reserves the seal's place in a document (over the centre's name and date). An unsigned
 * document shows nothing there; signPdf stamps the seal and puts the signature's widget here.
 */
export function SealArea({ style }: { style?: Record<string, string | number> }) {
  return (
    <Link src={SEAL_MARKER_URI} style={{ position: 'absolute', width: SEAL_DIAMETER, height: SEAL_DIAMETER, ...style }}>
      <View style={{ width: SEAL_DIAMETER, height: SEAL_DIAMETER }} />
    </Link>
  );
}
