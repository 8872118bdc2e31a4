/** `/figures/<id>.csv`: exactly the data a figure plots, as CSV safe to open in a spreadsheet. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figureCsv } from '../../figures/files.ts';
import { FIGURE_IDS } from '../../figures/index.ts';

export const getStaticPaths: GetStaticPaths = () => FIGURE_IDS.map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(figureCsv(String(params['id'])), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
