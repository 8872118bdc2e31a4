/**
 * The chart palette: a subset of Okabe & Ito's colour-blind-safe palette, with the reddish purple
 * darkened, chosen so that every mark colour has at least 3:1 contrast against BOTH the light page
 * (#ffffff, surface #f3f5f7) and the dark page (#121417, surface #1d2126). One set of colours then
 * serves light mode, dark mode and the standalone SVG/PNG downloads, with no per-theme switching.
 * The ratios are computed in tests/unit/charts/palette.test.ts.
 */
export const PALETTE = {
  /** Okabe–Ito blue: the main series, the later period. */
  blue: '#0072B2',
  /** Okabe–Ito vermillion: the second series, the earlier period, or a contrasting share. */
  vermillion: '#D55E00',
  /** Okabe–Ito bluish green. */
  green: '#009E73',
  /** Okabe–Ito reddish purple, darkened (#CC79A7 fails 3:1 on white). */
  purple: '#A8548A',
  /** Neutral grey for context marks (the rest of a whole, connectors). */
  grey: '#6B7480',
} as const;

export type PaletteName = keyof typeof PALETTE;

/**
 * The colour grammar: what each colour MEANS, for every chart on the site. A colour has one meaning
 * everywhere; charts ask for a role, never for a hue. docs/design.md explains it for readers of the code.
 *
 * - Periods: the later (latest) period is blue, the earlier one grey. A single-period figure (a share,
 *   a count) is "the figure" and blue; the rest of a whole is a grey outline.
 * - Change (a difference or % change) is drawn in the text colour (`currentColor`), diverging from
 *   zero and labelled with its sign: direction is read from position and sign, not from a hue.
 * - Statuses of activities: done green, under way purple, planned a hollow square (nothing yet).
 * - Money is vermillion; money from the Police and Crime Commissioner is vermillion with hatching.
 */
export const ROLES = {
  later: { fill: PALETTE.blue, label: 'later period' },
  earlier: { fill: PALETTE.grey, label: 'earlier period' },
  figure: { fill: PALETTE.blue, label: 'the figure' },
  change: { fill: 'currentColor', label: 'change' },
  done: { fill: PALETTE.green, label: 'done' },
  underway: { fill: PALETTE.purple, label: 'under way' },
  planned: { fill: 'none', stroke: 'currentColor', label: 'planned' },
  money: { fill: PALETTE.vermillion, label: 'money' },
  moneyPcc: { fill: PALETTE.vermillion, hatch: true, label: 'money from the Police and Crime Commissioner' },
} as const satisfies Record<string, { fill: string; stroke?: string; hatch?: boolean; label: string }>;

export type Role = keyof typeof ROLES;

/** Every distinct colour a data mark can have (for contrast tests): the palette hues in ROLES. */
export const MARK_COLOURS: string[] = [
  ...new Set(
    Object.values(ROLES)
      .map((r) => r.fill)
      .filter((f) => f.startsWith('#')),
  ),
];

/** The role of a period among the periods a chart compares (the last one is the later period). */
export function periodRole(index: number, count: number): Role {
  return index === count - 1 ? 'later' : 'earlier';
}

/** Page colours the marks must stand out against (from src/styles/global.css). */
export const BACKGROUNDS = {
  light: ['#ffffff', '#f3f5f7'],
  dark: ['#121417', '#1d2126'],
} as const;

/** Text colours used in charts (global.css --fg and --muted for each theme) and their backgrounds. */
export const TEXT_COLOURS = {
  light: { fg: '#1b1f24', muted: '#505a66', bg: '#ffffff' },
  dark: { fg: '#e8eaed', muted: '#aab3bd', bg: '#121417' },
} as const;

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x ?? '0', 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
