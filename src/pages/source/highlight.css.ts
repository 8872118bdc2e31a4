/** `/source/highlight.css`: the first report's highlight rules at its old address (see ./index.astro). */
import type { APIRoute } from 'astro';
import { getSourceDocument } from '../../data/source-index.ts';
import { rangeCss } from '../../data/source-page.ts';

export const GET: APIRoute = () =>
  new Response(rangeCss(getSourceDocument().page), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
