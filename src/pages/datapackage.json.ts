/** `/datapackage.json`: the Frictionless Tabular Data Package describing every CSV download. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/url.ts';
import { buildDataPackage } from '../data/datapackage.ts';
import { stringifyJson } from '../data/downloads.ts';
import { getCatalog } from '../data/index.ts';
import { getRelease } from '../data/release.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    stringifyJson(buildDataPackage(getCatalog().values(), getRelease(), { homepage: absoluteUrl('/data/', site) })),
    {
      headers: { 'Content-Type': 'application/json' },
    },
  );
