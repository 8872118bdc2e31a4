/** `/datapackage.json`: the Frictionless Data Package describing every CSV download and the report text (src/data/catalog-files.ts). */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/url.ts';
import { catalogFiles } from '../data/catalog-files.ts';
import { getCatalog } from '../data/index.ts';
import { getRelease } from '../data/release.ts';

export const GET: APIRoute = async ({ site }) => {
  const { datapackage } = await catalogFiles([...getCatalog().values()], getRelease(), absoluteUrl('/data/', site));
  return new Response(new Uint8Array(datapackage), { headers: { 'Content-Type': 'application/json' } });
};
