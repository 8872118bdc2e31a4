/** `/data/all-data.zip`: every download, the workbook, datapackage.json, the changelog, SHA256SUMS and a README, zipped at build time. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../lib/url.ts';
import { catalogFiles } from '../../data/catalog-files.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const GET: APIRoute = async ({ site }) => {
  const { zip } = await catalogFiles([...getCatalog().values()], getRelease(), absoluteUrl('/data/', site));
  return new Response(new Uint8Array(zip), { headers: { 'Content-Type': 'application/zip' } });
};
