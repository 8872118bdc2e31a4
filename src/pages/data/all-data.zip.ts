/** `/data/all-data.zip`: every download, datapackage.json, the changelog and a README, zipped at build time. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../lib/url.ts';
import { buildZip } from '../../data/bundle.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const GET: APIRoute = ({ site }) => {
  const zip = buildZip([...getCatalog().values()], getRelease(), { homepage: absoluteUrl('/data/', site) });
  return new Response(new Uint8Array(zip), { headers: { 'Content-Type': 'application/zip' } });
};
