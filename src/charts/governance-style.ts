/**
 * The governance map's edge grammar, shared by the chart, its legend and the text alternative. Each
 * kind of relationship has its own colour family, arrowhead and line weight; how sure we are of a
 * link is a separate channel: a link the report states is a solid line, a link that is our reading
 * (`basis = inferred`) is dashed and named "our reading" in the legend.
 *
 * Colour families: direction and accountability (blue), money and contracts (green), scrutiny and
 * inspection (vermillion), taking part and support (purple). Colours come from the chart palette
 * (>= 3:1 on the light and the dark page).
 */
import { PALETTE } from './palette.ts';

export type Arrowhead = 'triangle' | 'open-triangle' | 'circle' | 'open-circle' | 'diamond' | 'open-diamond' | 'bar';

export interface EdgeKind {
  /** Read "A <active> B". */
  active: string;
  /** Read from the other end: "B <passive> A". */
  passive: string;
  colour: string;
  /** Colour family, for the legend's CSS keys (govmap.css). */
  family: 'blue' | 'green' | 'vermillion' | 'purple' | 'grey';
  arrow: Arrowhead;
  /** Stroke width in SVG units. */
  weight: number;
  /** The link points from the junior body to the senior one (laid out reversed). */
  up: boolean;
}

export const EDGE_KINDS: Record<string, EdgeKind> = {
  oversees: {
    active: 'oversees',
    passive: 'overseen by',
    colour: PALETTE.blue,
    family: 'blue',
    arrow: 'triangle',
    weight: 2.5,
    up: false,
  },
  leads: {
    active: 'leads',
    passive: 'led by',
    colour: PALETTE.blue,
    family: 'blue',
    arrow: 'diamond',
    weight: 2,
    up: false,
  },
  chairs: {
    active: 'chairs',
    passive: 'chaired by',
    colour: PALETTE.blue,
    family: 'blue',
    arrow: 'circle',
    weight: 2,
    up: false,
  },
  'reports-to': {
    active: 'reports to',
    passive: 'receives reports from',
    colour: PALETTE.blue,
    family: 'blue',
    arrow: 'open-triangle',
    weight: 1.5,
    up: true,
  },
  'presents-to': {
    active: 'presents to',
    passive: 'hears presentations from',
    colour: PALETTE.blue,
    family: 'blue',
    arrow: 'open-circle',
    weight: 1.5,
    up: true,
  },
  funds: {
    active: 'funds',
    passive: 'funded by',
    colour: PALETTE.green,
    family: 'green',
    arrow: 'triangle',
    weight: 2.5,
    up: false,
  },
  commissions: {
    active: 'commissions',
    passive: 'commissioned by',
    colour: PALETTE.green,
    family: 'green',
    arrow: 'diamond',
    weight: 2,
    up: false,
  },
  scrutinises: {
    active: 'scrutinises',
    passive: 'scrutinised by',
    colour: PALETTE.vermillion,
    family: 'vermillion',
    arrow: 'open-diamond',
    weight: 2,
    up: false,
  },
  inspects: {
    active: 'inspects',
    passive: 'inspected by',
    colour: PALETTE.vermillion,
    family: 'vermillion',
    arrow: 'bar',
    weight: 2,
    up: false,
  },
  supports: {
    active: 'supports',
    passive: 'supported by',
    colour: PALETTE.purple,
    family: 'purple',
    arrow: 'open-triangle',
    weight: 1.5,
    up: true,
  },
  attends: {
    active: 'attends',
    passive: 'attended by',
    colour: PALETTE.purple,
    family: 'purple',
    arrow: 'open-circle',
    weight: 1.5,
    up: true,
  },
  'member-of': {
    active: 'member of',
    passive: 'has as a member',
    colour: PALETTE.purple,
    family: 'purple',
    arrow: 'circle',
    weight: 1.5,
    up: true,
  },
};

const FALLBACK: EdgeKind = {
  active: 'linked to',
  passive: 'linked to',
  colour: PALETTE.grey,
  family: 'grey',
  arrow: 'triangle',
  weight: 1.5,
  up: false,
};

export function edgeKind(type: string): EdgeKind {
  return EDGE_KINDS[type] ?? { ...FALLBACK, active: type, passive: type };
}

/** Dash pattern of an inferred link (a stated link is solid). */
export const INFERRED_DASH = '6 4';

export type Basis = 'stated' | 'inferred';

/** `basis` is optional in the data: a missing value means the report states the link. */
export function basisOf(value: unknown): Basis {
  return value === 'inferred' ? 'inferred' : 'stated';
}

/** Path of an arrowhead pointing right (+x), tip at (0, 0), in a 12 x 12 box. */
export function arrowPath(arrow: Arrowhead): { d: string; filled: boolean } {
  switch (arrow) {
    case 'triangle':
    case 'open-triangle':
      return { d: 'M0,0L-10,-5L-10,5Z', filled: arrow === 'triangle' };
    case 'circle':
    case 'open-circle':
      return { d: 'M0,0A4.5,4.5 0 1 0 -9,0A4.5,4.5 0 1 0 0,0Z', filled: arrow === 'circle' };
    case 'diamond':
    case 'open-diamond':
      return { d: 'M0,0L-6,-5L-12,0L-6,5Z', filled: arrow === 'diamond' };
    case 'bar':
      return { d: 'M0,-6L0,6L-3,6L-3,-6Z', filled: true };
  }
}
