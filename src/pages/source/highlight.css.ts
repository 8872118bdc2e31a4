/** `/source/highlight.css`: the `:target` rules that light up each cited range of the report. */
import type { APIRoute } from 'astro';
import { getSourcePage } from '../../data/source-index.ts';
import { rangeCss } from '../../data/source-page.ts';

export const GET: APIRoute = () =>
  new Response(rangeCss(getSourcePage()), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
