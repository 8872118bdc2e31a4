/**
 * Standalone exports of a chart for download: an SVG file that looks right outside the page (white
 * background, dark text, no dependence on the site's CSS), and a PNG rasterised from it at build time
 * with resvg and the DejaVu Sans fonts shipped in the `dejavu-fonts-ttf` package, so the PNG is the same
 * bytes on every machine and needs no network or system fonts.
 */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TEXT_COLOURS } from '../charts/palette.ts';

/** Make a page SVG self-contained: background, text colour and an explicit font. */
export function standaloneSvg(svg: string): string {
  const { fg, bg } = TEXT_COLOURS.light;
  return svg
    .replace(/^<svg /, `<svg color="${fg}" `)
    .replace(/ font-family="[^"]*"/, ' font-family="DejaVu Sans, sans-serif"')
    .replace(/(<\/desc>)/, `$1<rect width="100%" height="100%" fill="${bg}"/>`);
}

let fontFiles: string[] | undefined;

/** The bundled DejaVu Sans font files (regular, bold), for any build-time rasterising. */
export function fonts(): string[] {
  if (!fontFiles) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(dir, f));
  }
  return fontFiles;
}

/** Rasterise a standalone SVG to PNG at `scale` times its size (2 for sharp images on most screens). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fonts(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return Buffer.from(resvg.render().asPng());
}
