/** The downloadable files of a figure: CSV of the plotted data, standalone SVG and PNG of the chart. */
import { standaloneSvg, svgToPng } from '../charts/export.ts';
import { getFigure } from './figures.ts';

/** Quote a CSV cell when needed; neutralise text that a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: (string | number)[][]): string {
  return [columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function figureCsv(id: string): string {
  const f = getFigure(id);
  return toCsv(f.csv.columns, f.csv.rows);
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
