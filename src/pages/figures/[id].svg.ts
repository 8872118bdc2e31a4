/** `/figures/<id>.svg`: the figure's chart (wide layout, first view) as a standalone SVG image. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figureSvg } from '../../figures/files.ts';
import { FIGURE_IDS } from '../../figures/index.ts';

export const getStaticPaths: GetStaticPaths = () => FIGURE_IDS.map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params, site }) =>
  new Response(figureSvg(String(params['id']), site), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
