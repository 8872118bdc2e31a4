/**
 * Horizontal bar panels drawn with Observable Plot, shared by the bar charts. Bars start at zero (or
 * diverge from zero), values are labelled directly at the bar ends (no legend to decode), and each
 * layout has its own arrangement:
 * - wide: band labels in the left margin, bars to their right;
 * - narrow: band labels above their bars, bars full width (no label squeezes the bars at 320 px).
 */
import * as Plot from '@observablehq/plot';
import { ROLES, type Role } from './palette.ts';
import { annotate, LAYOUT, plotPanel, textWidth, type Layout } from './render.ts';

export interface Segment {
  /** The band (row) the segment sits in. */
  band: string;
  /** Start and end on the value axis (x1 = 0 for a simple bar; stacked segments follow on). */
  x1: number;
  x2: number;
  /** What the colour means (src/charts/palette.ts ROLES). */
  colour: Role;
  /** With `hatch` roles: the id of the hatch pattern defined in the root SVG. */
  hatchId?: string;
  /** Stable key (for focus order and tests). */
  key: string;
  /** What the mark says on focus, hover and tap (also its accessible name). */
  tip: string;
}

export interface EndLabel {
  band: string;
  /** Where the label starts (the bar end). */
  x: number;
  text: string;
}

export interface BarPanelSpec {
  /** Band ids, top to bottom. */
  bands: string[];
  /** Visible text for each band id. */
  bandLabels: Record<string, string>;
  segments: Segment[];
  labels: EndLabel[];
  /** Value domain; include 0. */
  domain: [number, number];
  layout: Layout;
  /** Panel width in SVG units (defaults to the layout width). */
  width?: number;
  /** Reserve this much room on the left for band labels in the wide layout (defaults to the longest). */
  labelWidth?: number;
  /** Room for end labels on each side; pass the same value to panels that share a scale. */
  room?: number;
  /** Draw the zero line (default true). */
  zeroLine?: boolean;
}

export const BAR = { wideRow: 32, narrowRow: 48, thickness: 20 };

/** Width the end labels need beyond a bar end. */
export function endRoom(labels: EndLabel[], fontSize: number): number {
  return Math.max(0, ...labels.map((l) => textWidth(l.text, fontSize))) + 10;
}

export function barPanel(doc: Document, spec: BarPanelSpec): { svg: SVGElement; height: number } {
  const { fontSize } = LAYOUT[spec.layout];
  const width = spec.width ?? LAYOUT[spec.layout].width;
  const wide = spec.layout === 'wide';
  const row = wide ? BAR.wideRow : BAR.narrowRow;
  const labelWidth = wide
    ? (spec.labelWidth ?? Math.max(...spec.bands.map((b) => textWidth(spec.bandLabels[b] ?? b, fontSize))) + 12)
    : 0;
  const room = spec.room ?? endRoom(spec.labels, fontSize);
  const hasNegative = spec.domain[0] < 0;
  const marginTop = wide ? 4 : 4 + fontSize * 1.2;
  const height = marginTop + spec.bands.length * row + 4;
  const padding = 1 - BAR.thickness / row;
  const negLabels = spec.labels.filter((l) => l.x < 0);
  const posLabels = spec.labels.filter((l) => l.x >= 0);
  const marks: Plot.Markish[] = [
    Plot.barX(spec.segments, {
      x1: 'x1',
      x2: 'x2',
      y: 'band',
      fill: (d: Segment) => ROLES[d.colour].fill,
      render: annotate((i) => {
        const s = spec.segments[i]!;
        const role = ROLES[s.colour];
        return {
          key: s.key,
          label: s.tip,
          cls: `role-${s.colour}`,
          fill: 'hatch' in role && s.hatchId ? `url(#${s.hatchId})` : undefined,
        };
      }),
    }),
    Plot.text(posLabels, { x: 'x', y: 'band', text: 'text', textAnchor: 'start', dx: 5, className: 'chart-value' }),
    Plot.text(negLabels, { x: 'x', y: 'band', text: 'text', textAnchor: 'end', dx: -5, className: 'chart-value' }),
  ];
  // The zero line: the panel's full height when band labels sit in the left margin (wide); on narrow
  // layouts, where each band's label sits above its bar, only beside the bars, so it never runs
  // through a label (issue #25).
  if (spec.zeroLine !== false)
    marks.push(
      wide
        ? Plot.ruleX([0], { className: 'chart-axis', strokeOpacity: 1 })
        : Plot.tickX(spec.bands, { x: () => 0, y: (b: string) => b, className: 'chart-axis', strokeOpacity: 1 }),
    );
  if (!wide) {
    // Band labels above each bar, starting at the panel's left edge.
    marks.push(
      Plot.text(spec.bands, {
        y: (b: string) => b,
        text: (b: string) => spec.bandLabels[b] ?? b,
        frameAnchor: 'left',
        textAnchor: 'start',
        lineAnchor: 'bottom',
        dy: -(BAR.thickness / 2) - 4,
        className: 'chart-band-label',
      }),
    );
  }
  const svg = plotPanel(doc, {
    width,
    height,
    marginTop,
    marginBottom: 4,
    marginLeft: labelWidth,
    marginRight: 0,
    x: { domain: spec.domain, axis: null, insetLeft: hasNegative ? room : 0, insetRight: room },
    y: wide
      ? {
          domain: spec.bands,
          paddingInner: padding,
          paddingOuter: padding / 2,
          tickSize: 0,
          tickPadding: 8,
          tickFormat: (b: string) => spec.bandLabels[b] ?? b,
          label: null,
        }
      : { domain: spec.bands, paddingInner: padding, paddingOuter: padding / 2, axis: null },
    marks,
  });
  // The value scale, so a check can tell panels on different scales apart (tests/support/story.ts).
  svg.setAttribute('data-scale', `${spec.domain[0]} to ${spec.domain[1]}`);
  return { svg, height };
}
