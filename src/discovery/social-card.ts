/**
 * Social cards: the 1200 x 630 PNG that link previews (Open Graph, X/Twitter large cards) show for a
 * page. Laid out with Satori (flexbox and text wrapping with real font metrics, text drawn as paths)
 * in the bundled DejaVu Sans, then rasterised with resvg through `svgToPng`, the same code path as the
 * figure PNGs: no network, no system fonts, the same bytes on every machine.
 *
 * Made to be read as a thumbnail (a preview is often 300-500 px wide): large bold type, at most a
 * few words per line, white and amber on a dark blue (contrast 14:1 and 9:1).
 */
import { readFileSync } from 'node:fs';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH } from '../lib/seo.ts';
import { fonts, svgToPng } from '../figures/standalone.ts';

/** What a card says. Every number in it comes from a dataset (the caller formats it). */
export interface CardSpec {
  /** A short label above the title: "Theme", "Dataset", "Chart". */
  kicker?: string;
  /** The page's title. */
  title: string;
  /** The page's headline figure: value (large), what it counts, and where/when. */
  figure?: { value: string; label: string; context?: string };
  /** A line under the title when there is no figure. */
  text?: string;
  /** The footer line (the site's name); omit for none. */
  footer?: string;
}

export const CARD_COLOURS = {
  bg: '#0b2540',
  fg: '#ffffff',
  accent: '#ffc857',
  soft: '#d6e2ee',
  rule: '#3d5a78',
} as const;

/** Title size: the longer the title, the smaller (never below 52 px, about 13 px in a 300 px preview). */
export function titleSize(title: string, hasFigure: boolean): number {
  const n = title.length;
  if (hasFigure) return n <= 30 ? 64 : n <= 60 ? 56 : 52;
  return n <= 30 ? 80 : n <= 60 ? 68 : 58;
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Node[] | string };
}

function box(style: Record<string, string | number>, children: Node[] | string): Node {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/** Text that wraps and is cut with an ellipsis after `lines` lines. */
function lines(text: string, size: number, max: number, style: Record<string, string | number> = {}): Node {
  return {
    type: 'div',
    props: { style: { display: 'block', fontSize: size, lineHeight: 1.15, lineClamp: max, ...style }, children: text },
  };
}

/** The element tree of a card (exported for tests). */
export function cardTree(spec: CardSpec): Node {
  const c = CARD_COLOURS;
  const top: Node[] = [];
  if (spec.kicker)
    top.push(
      lines(spec.kicker.toUpperCase(), 32, 1, { color: c.accent, fontWeight: 700, letterSpacing: 2, marginBottom: 18 }),
    );
  top.push(
    lines(spec.title, titleSize(spec.title, spec.figure !== undefined), spec.figure ? 2 : 3, {
      fontWeight: 700,
      color: c.fg,
    }),
  );
  if (!spec.figure && spec.text) top.push(lines(spec.text, 36, 3, { color: c.soft, marginTop: 24 }));

  const body: Node[] = [box({ flexDirection: 'column' }, top)];
  if (spec.figure) {
    const fig: Node[] = [
      lines(spec.figure.value, spec.figure.value.length > 9 ? 100 : 112, 1, {
        fontWeight: 700,
        color: c.accent,
        lineHeight: 1,
      }),
    ];
    const about: Node[] = [lines(spec.figure.label, 32, 2, { color: c.fg, fontWeight: 700 })];
    if (spec.figure.context) about.push(lines(spec.figure.context, 30, 1, { color: c.soft, marginTop: 6 }));
    fig.push(box({ flexDirection: 'column', marginTop: 14 }, about));
    body.push(box({ flexDirection: 'column', marginTop: 28 }, fig));
  }
  const children: Node[] = [box({ flexDirection: 'column', flexGrow: 1, flexShrink: 1, overflow: 'hidden' }, body)];
  if (spec.footer)
    children.push(
      box({ borderTop: `3px solid ${c.rule}`, paddingTop: 18, marginTop: 18 }, [
        lines(spec.footer, 30, 1, { color: c.soft, fontWeight: 700 }),
      ]),
    );
  return box(
    {
      flexDirection: 'column',
      boxSizing: 'border-box',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: '48px 64px 40px',
      backgroundColor: c.bg,
      color: c.fg,
      fontFamily: 'DejaVu Sans',
      borderLeft: `16px solid ${c.accent}`,
    },
    children,
  );
}

let fontData: Array<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }> | undefined;

function satoriFonts() {
  if (!fontData) {
    const [regular, bold] = fonts();
    if (!regular || !bold) throw new Error('DejaVu Sans fonts not found');
    fontData = [
      { name: 'DejaVu Sans', data: readFileSync(regular), weight: 400, style: 'normal' },
      { name: 'DejaVu Sans', data: readFileSync(bold), weight: 700, style: 'normal' },
    ];
  }
  return fontData;
}

/** The card as SVG (text as paths, so it needs no fonts to display). */
export async function cardSvg(spec: CardSpec): Promise<string> {
  return satori(cardTree(spec), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: satoriFonts(),
  });
}

/** The card as a 1200 x 630 PNG. */
export async function cardPng(spec: CardSpec): Promise<Buffer> {
  return svgToPng(await cardSvg(spec), 1);
}
