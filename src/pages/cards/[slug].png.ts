/** `/cards/<slug>.png`: each page's 1200 x 630 social card, drawn at build time (src/discovery/social-card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardPng, type CardSpec } from '../../discovery/social-card.ts';
import { cardSlugs, sitePages } from '../../discovery/pages.ts';
import { themeInputs } from '../../discovery/theme-inputs.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  [...cardSlugs(sitePages(await themeInputs()))].map(([slug, page]) => ({
    params: { slug },
    props: { card: page.card },
  }));

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await cardPng((props as { card: CardSpec }).card)), {
    headers: { 'Content-Type': 'image/png' },
  });
