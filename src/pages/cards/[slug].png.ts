/** `/cards/<slug>.png`: each page's 1200 x 630 social card, drawn at build time (src/charts/card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardPng, type CardSpec } from '../../charts/card.ts';
import { cardSlugs, sitePages } from '../../components/site-pages.ts';
import { themeInputs } from '../../components/theme-inputs.ts';

export const getStaticPaths: GetStaticPaths = async () => [...cardSlugs(sitePages(await themeInputs()))].map(([slug, page]) => ({ params: { slug }, props: { card: page.card } }));

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await cardPng((props as { card: CardSpec }).card)), { headers: { 'Content-Type': 'image/png' } });
