/** `/sources/<id>/highlight.css`: the `:target` rules that light up each cited range of one source. */
import type { APIRoute } from 'astro';
import { getSources } from '../../../data/source-index.ts';
import { rangeCss } from '../../../data/source-page.ts';

export function getStaticPaths() {
  return getSources().map((doc) => ({ params: { id: doc.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const doc = getSources().find((d) => d.id === params.id)!;
  return new Response(rangeCss(doc.page), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
