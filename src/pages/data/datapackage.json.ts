/** `/data/datapackage.json`: the same Data Package with paths of the files beside it, so it also validates in a folder of browser downloads. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../lib/url.ts';
import { catalogFiles } from '../../data/catalog-files.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const GET: APIRoute = async ({ site }) => {
  const { datapackageFlat } = await catalogFiles([...getCatalog().values()], getRelease(), absoluteUrl('/data/', site));
  return new Response(new Uint8Array(datapackageFlat), { headers: { 'Content-Type': 'application/json' } });
};
