/** The downloadable files of a figure: CSV of the plotted data, standalone SVG and PNG of the chart. */
import { standaloneSvg, svgToPng } from './standalone.ts';
import { tableToCsv } from '../data/downloads.ts';
import { getFigure } from './index.ts';

export function figureCsv(id: string): string {
  const f = getFigure(id);
  return tableToCsv(f.csv.columns, f.csv.rows);
}

export function figureSvg(id: string): string {
  const f = getFigure(id);
  const first = f.views[0];
  if (!first) throw new Error(`Figure ${id} has no views`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${standaloneSvg(first.svg.wide)}\n`;
}

export function figurePng(id: string): Buffer {
  return svgToPng(figureSvg(id).replace(/^<\?xml[^>]*>\n/, ''));
}
