/**
 * The downloadable files of a figure: CSV of the plotted data, standalone SVG and PNG of the chart.
 * The images carry, drawn in, what a reader needs once the file is saved or pasted into a story (issue
 * #25, as Our World in Data's downloads do): the title and the subtitle (the measure; else the takeaway) above the chart; below it the
 * source (report, section, pages, lines), the licence and the address of the figure on this site.
 */
import { standaloneSvg, svgToPng } from './standalone.ts';
import { wrapText } from '../charts/render.ts';
import { TEXT_COLOURS } from '../charts/palette.ts';
import { tableToCsv } from '../data/downloads.ts';
import { LICENCE } from '../lib/site.ts';
import { getSources } from '../data/source-index.ts';
import { FIRST_SOURCE_ID, linesListLabel, pagesLabel } from '../lib/source-links.ts';
import { absoluteUrl } from '../lib/url.ts';
import { getFigure } from './index.ts';
import type { FigureSpec } from './types.ts';

export function figureCsv(id: string): string {
  const f = getFigure(id);
  return tableToCsv(f.csv.columns, f.csv.rows);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The source line of a download: the report, each section with its pages and (up to four) lines, the
 * same pages and lines the figure's source line on the page cites (FigureMeta.astro). The lines are
 * the figure's own (`FigureSource.lines`, the passages the rows it draws cite), never every line its
 * dataset cites in that section.
 */
export function sourceLine(f: Pick<FigureSpec, 'sources'>): string {
  const parts = f.sources.map((s) => {
    const pages =
      s.pages && s.pages.length > 0
        ? pagesLabel(s.pages)
        : s.pageEnd && s.pageEnd !== s.page
          ? `pages ${s.page}–${s.pageEnd}`
          : `page ${s.page}`;
    const lines = s.lines ?? [];
    const where =
      lines.length === 0
        ? ''
        : lines.length <= 4
          ? `, ${linesListLabel(lines)}`
          : `, ${lines.length} passages (listed on the page)`;
    return {
      source: s.source ?? FIRST_SOURCE_ID,
      text: `${s.section ? `section “${s.sectionTitle}”` : s.sectionTitle}, ${pages}${where}`,
    };
  });
  // Each report named once, before its sections (a figure drawing on two editions names both).
  const documents = new Map(getSources().map((d) => [d.id, d]));
  const byDocument = [...new Set(parts.map((p) => p.source))].map((id) => {
    const d = documents.get(id);
    const own = [...new Set(parts.filter((p) => p.source === id).map((p) => p.text))];
    return `${d ? `${d.publisher}, ${d.title}` : id}, ${own.join('; ')}`;
  });
  return `Source: ${byDocument.join('; ')}.`;
}

/**
 * Frame a chart's SVG for download: title and subtitle above, source, licence and address below, on
 * the page colour, in one SVG of the chart's width plus a margin.
 */
export function framedSvg(
  chart: string,
  text: { title: string; subtitle: string; source: string; licence: string; url: string },
): string {
  const { fg, bg } = TEXT_COLOURS.light;
  const width = Number(/^<svg[^>]*?\swidth="([\d.]+)"/.exec(chart)?.[1] ?? 640);
  const height = Number(/^<svg[^>]*?\sheight="([\d.]+)"/.exec(chart)?.[1] ?? 400);
  const pad = 16;
  const out: string[] = [];
  let y = pad;
  const block = (s: string, size: number, bold: boolean, cls: string, gap: number) => {
    const lines = wrapText(s, width * (bold ? 0.9 : 0.97), size);
    const tspans = lines
      .map((l, i) => `<tspan x="${pad}" dy="${i === 0 ? 0 : Math.round(size * 1.3)}">${escapeXml(l)}</tspan>`)
      .join('');
    out.push(
      `<text class="${cls}" x="${pad}" y="${y + size}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${fg}">${tspans}</text>`,
    );
    y += Math.round(size * 1.3 * lines.length) + gap;
  };
  block(text.title, 18, true, 'download-title', 4);
  block(text.subtitle, 13, false, 'download-subtitle', 12);
  const chartY = y;
  y += height + 12;
  block(text.source, 11, false, 'download-source', 2);
  block(`${text.licence}. ${text.url}`, 11, false, 'download-licence', 0);
  const total = Math.ceil(y + pad);
  const inner = chart.replace(/^<svg /, `<svg x="${pad}" y="${chartY}" `);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 2 * pad}" height="${total}" viewBox="0 0 ${width + 2 * pad} ${total}" font-family="DejaVu Sans, sans-serif" color="${fg}">` +
    `<title>${escapeXml(text.title)}</title><rect width="100%" height="100%" fill="${bg}"/>${out.slice(0, 2).join('')}${inner}${out.slice(2).join('')}</svg>`
  );
}

export function figureSvg(id: string, site?: URL | string): string {
  const f = getFigure(id);
  const first = f.views[0];
  if (!first) throw new Error(`Figure ${id} has no views`);
  const framed = framedSvg(standaloneSvg(first.svg.wide), {
    title: f.title,
    subtitle: f.subtitle ?? f.takeaway,
    source: sourceLine(f),
    licence: `Licence: ${LICENCE.title}`,
    url: absoluteUrl(`/themes/${f.theme}/#${f.id}`, site),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${framed}\n`;
}

export function figurePng(id: string, site?: URL | string): Buffer {
  return svgToPng(figureSvg(id, site).replace(/^<\?xml[^>]*>\n/, ''));
}
