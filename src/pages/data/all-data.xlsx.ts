/** `/data/all-data.xlsx`: every dataset as a sheet of one Excel workbook (src/data/workbook.ts). */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../lib/url.ts';
import { catalogFiles } from '../../data/catalog-files.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const GET: APIRoute = async ({ site }) => {
  const { workbook } = await catalogFiles([...getCatalog().values()], getRelease(), absoluteUrl('/data/', site));
  return new Response(new Uint8Array(workbook), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
