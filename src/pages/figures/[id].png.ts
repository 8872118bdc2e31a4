/** `/figures/<id>.png`: the figure's chart rasterised at build time (resvg, bundled fonts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figurePng } from '../../figures/files.ts';
import { FIGURE_IDS } from '../../figures/index.ts';

export const getStaticPaths: GetStaticPaths = () => FIGURE_IDS.map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params, site }) =>
  new Response(new Uint8Array(figurePng(String(params['id']), site)), { headers: { 'Content-Type': 'image/png' } });
