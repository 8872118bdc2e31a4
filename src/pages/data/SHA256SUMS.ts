/** `/data/SHA256SUMS`: the SHA-256 of every file in /data/, under the names a browser saves them with (src/data/downloads.ts). */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../lib/url.ts';
import { catalogFiles, downloadsSha256sums } from '../../data/catalog-files.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const GET: APIRoute = async ({ site }) => {
  const release = getRelease();
  const files = await catalogFiles([...getCatalog().values()], release, absoluteUrl('/data/', site));
  return new Response(downloadsSha256sums(files), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
