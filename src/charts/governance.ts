/**
 * The governance diagram: every body named in the report, grouped in bands by the level it works at
 * (national, West Mercia, county, local, other), one labelled box each. Links between bodies are drawn
 * but hidden (`visibility="hidden"`); the client script shows the links of the selected body and
 * lights up the bodies at their other ends (toggling classes on this server-rendered SVG, no D3 in the
 * browser). Boxes flow four to a row when wide and two when narrow. Layout computed with D3 scales.
 */
import { scaleBand } from 'd3';
import { PALETTE } from './palette.ts';
import { LAYOUT, markElement, renderSvg, svgEl, svgLines, wrapText, type ChartFunction } from './render.ts';

export interface GovNode {
  id: string;
  /** Display label (the name without the county prefix). */
  label: string;
  /** Abbreviation used when the label would need more than three lines. */
  shortLabel?: string;
  /** Full name. */
  name: string;
  lane: string;
  laneLabel: string;
  /** Links that start at this body. */
  links: { to: string; type: string }[];
  /** Number of links in both directions (for the accessible name). */
  degree: number;
}

export const governanceDiagram: ChartFunction<GovNode> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { width, fontSize } = LAYOUT[layout];
    const columns = layout === 'wide' ? 4 : 2;
    const size = fontSize - 1;
    const lineHeight = size * 1.2;
    const x = scaleBand(Array.from({ length: columns }, (_, i) => String(i)), [0, width]).paddingInner(0.06);
    const boxWidth = x.bandwidth();
    const lanes = [...new Set(rows.map((r) => r.lane))];
    const centres = new Map<string, { cx: number; cy: number }>();
    const edges = svgEl(doc, 'g', { class: 'gov-edges', fill: 'none' }, svg);
    const nodes = svgEl(doc, 'g', { class: 'gov-nodes' }, svg);
    let y = 0;
    for (const lane of lanes) {
      const own = rows.filter((r) => r.lane === lane);
      y += 4;
      svgEl(doc, 'text', { x: 0, y: y + fontSize, class: 'chart-heading', 'font-weight': 'bold' }, nodes).textContent = own[0]?.laneLabel ?? lane;
      y += fontSize * 1.25 + 6;
      for (let start = 0; start < own.length; start += columns) {
        const slice = own.slice(start, start + columns);
        const wrapped = slice.map((r) => {
          let lines = wrapText(r.label, boxWidth - 14, size);
          if (lines.length > 3 && r.shortLabel) lines = wrapText(r.shortLabel, boxWidth - 14, size);
          return lines;
        });
        const boxHeight = Math.max(...wrapped.map((l) => l.length)) * lineHeight + 12;
        slice.forEach((r, i) => {
          const bx = x(String(i)) ?? 0;
          const g = svgEl(doc, 'g', { transform: `translate(${bx},${y})`, 'data-body': r.id }, nodes);
          svgEl(doc, 'rect', { x: 0.75, y: 0.75, width: boxWidth - 1.5, height: boxHeight - 1.5, rx: 5, class: 'gov-box', fill: 'none', stroke: PALETTE.blue, 'stroke-width': 1.5 }, g);
          svgLines(doc, wrapped[i] ?? [], { x: 7, y: 6 + size, 'font-size': size, class: 'gov-label' }, lineHeight, g);
          // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
          const visible = (wrapped[i] ?? []).join(' ');
          const links = `${r.degree} ${r.degree === 1 ? 'link' : 'links'}`;
          const level = r.laneLabel.includes(' ') ? r.laneLabel : r.laneLabel.toLowerCase();
          markElement(g, { key: r.id, label: visible === r.name ? `${r.name}, ${level}: ${links}` : `${visible}: ${r.name}, ${level}: ${links}`, cls: 'gov-node' });
          centres.set(r.id, { cx: bx + boxWidth / 2, cy: y + boxHeight / 2 });
        });
        y += boxHeight + 8;
      }
      y += 6;
    }
    // Links, drawn behind the boxes as gentle curves, hidden until a body is selected.
    for (const r of rows) {
      for (const link of r.links) {
        const a = centres.get(r.id);
        const b = centres.get(link.to);
        if (!a || !b) continue;
        const bend = a.cy === b.cy ? -28 : 0;
        const mx = (a.cx + b.cx) / 2 + (a.cy === b.cy ? 0 : 24);
        const my = (a.cy + b.cy) / 2 + bend;
        svgEl(doc, 'path', { d: `M${a.cx},${a.cy}Q${mx},${my} ${b.cx},${b.cy}`, class: 'gov-edge', 'data-from': r.id, 'data-to': link.to, 'data-type': link.type, stroke: PALETTE.vermillion, 'stroke-width': 2, visibility: 'hidden' }, edges);
      }
    }
    return y;
  });
